import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy.ts';

const electron = vi.hoisted(() => ({}) as ReturnType<typeof import('./electron-mock.ts').createElectronMock>);
vi.mock('electron', async () => Object.assign(electron, (await import('./electron-mock.ts')).createElectronMock()));

const { appFilePath, createAppProtocolHandler, registerAppScheme, serveAppScheme } = await import('./app-protocol.ts');

// A folder laid out like the build: out/renderer next to out/main, and a secret beside both.
const out = mkdtempSync(join(tmpdir(), 'rapport-app-protocol-'));
const root = join(out, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
mkdirSync(join(out, 'main'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Rapport</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'export const a = 1;');
writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(join(root, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
writeFileSync(join(root, 'notes.xyz'), 'x');
writeFileSync(join(out, 'main', 'index.js'), 'secret');
writeFileSync(join(out, 'renderer-secret.txt'), 'secret');
afterAll(() => rmSync(out, { recursive: true, force: true }));

const handler = createAppProtocolHandler(root);
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// path mapping', () => {
  it('maps app://rapport/<path> to files under the renderer folder, / to index.html', () => {
    expect(appFilePath(root, 'app://rapport/')).toBe(join(root, 'index.html'));
    expect(appFilePath(root, 'app://rapport')).toBe(join(root, 'index.html'));
    expect(appFilePath(root, 'app://rapport/index.html?x=1#/people')).toBe(join(root, 'index.html'));
    expect(appFilePath(root, 'app://rapport/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(appFilePath(root, 'app://rapport/assets/a%20b.js')).toBe(join(root, 'assets', 'a b.js'));
  });

  it('refuses traversal however it is written, other hosts and schemes, and malformed escapes', () => {
    for (const url of [
      'app://rapport/..%2fmain%2findex.js',
      'app://rapport/..%2Frenderer-secret.txt',
      'app://rapport/assets/..%2f..%2fmain/index.js',
      'app://rapport/%2e%2e%2fmain/index.js',
      'app://rapport/..%5cmain%5cindex.js',
      'app://rapport/assets/%00.js',
      'app://rapport/%E0%A4%A',
      'app://other/index.html',
      'app://rapport:8080/index.html',
      'file:///etc/passwd',
      'http://rapport/index.html',
      'not a url',
    ])
      expect(appFilePath(root, url), url).toBeNull();
    // The URL parser resolves plain dot segments first: they stay inside the folder.
    expect(appFilePath(root, 'app://rapport/../main/index.js')).toBe(join(root, 'main', 'index.js'));
    expect(appFilePath(root, 'app://rapport/%2e%2e/renderer-secret.txt')).toBe(join(root, 'renderer-secret.txt'));
  });
});

describe('the app:// handler', () => {
  it('serves files with their content type and browser mode’s security headers', async () => {
    const cases = [
      ['app://rapport/', 'text/html; charset=utf-8'],
      ['app://rapport/assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['app://rapport/assets/index-abc.css', 'text/css; charset=utf-8'],
      ['app://rapport/icon.png', 'image/png'],
      ['app://rapport/notes.xyz', 'application/octet-stream'],
    ] as const;
    for (const [url, type] of cases) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    }
    expect(await (await get('app://rapport/assets/index-abc.js')).text()).toBe('export const a = 1;');
  });

  it('answers 404 for unknown paths, folders and anything outside, with no fallback page', async () => {
    for (const url of [
      'app://rapport/missing.js',
      'app://rapport/people',
      'app://rapport/assets/',
      'app://rapport/..%2fmain%2findex.js',
      'app://rapport/..%2Frenderer-secret.txt',
      'app://elsewhere/index.html',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).toBe('Not found');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://rapport/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://rapport/index.html', 'POST')).status).toBe(405);
  });
});

describe('registration', () => {
  it('registers app: as standard, secure and fetch-capable, and nothing more', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('handles the scheme on the given session with the folder’s handler', async () => {
    const handle = vi.fn();
    serveAppScheme({ protocol: { handle } } as never, root);
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
    const served = handle.mock.calls[0]![1] as (request: Request) => Promise<Response>;
    expect((await served(new Request('app://rapport/assets/index-abc.css'))).status).toBe(200);
  });
});

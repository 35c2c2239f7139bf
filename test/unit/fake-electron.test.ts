import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pathToFileURL } from 'node:url';
import { electronEvent } from '../fake-electron/events.ts';
import type { FakeRecord } from '../fake-electron/protocol.ts';
import { Recorder } from '../fake-electron/recorder.ts';
import { createFakeElectron } from '../fake-electron/runtime.ts';
import { FakeProtocol, SchemeRegistry } from '../fake-electron/schemes.ts';
import { PageResources } from '../fake-electron/subresources.ts';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function start(ready = true, fileProtocolPrivileges = true) {
  const appDir = mkdtempSync(join(tmpdir(), 'fake-electron-'));
  folders.push(appDir);
  const terminate = vi.fn();
  const electron = createFakeElectron({
    appDir,
    packageJson: { name: 'demo', productName: 'Demo', version: '1.2.3' },
    packaged: false,
    argv: [],
    terminate,
    fileProtocolPrivileges,
  });
  if (ready) electron.app.markReady();
  const names = () =>
    electron.recorder.records.flatMap((record) =>
      record.kind === 'event' && record.source === 'app' ? [record.name] : [],
    );
  return { electron, appDir, terminate, names };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the fake app lifecycle (Electron’s documented order)', () => {
  it('quits in order: before-quit, each window’s close, will-quit, quit', async () => {
    const { electron, terminate, names } = start();
    const window = new electron.BrowserWindow({ show: false });
    const closed = vi.fn();
    window.on('closed', closed);
    electron.app.quit();
    await flush();
    expect(names().filter((name) => /quit/.test(name))).toEqual(['before-quit', 'will-quit', 'quit']);
    expect(closed).toHaveBeenCalled();
    expect(terminate).toHaveBeenCalledWith(0);
  });

  it('a window that prevents close cancels the quit; a prevented will-quit keeps the app running', async () => {
    const { electron, terminate, names } = start();
    const window = new electron.BrowserWindow();
    window.on('close', (event: { preventDefault(): void }) => event.preventDefault());
    electron.app.quit();
    await flush();
    expect(names()).not.toContain('will-quit');
    window.removeAllListeners('close');
    electron.app.on('will-quit', (event: { preventDefault(): void }) => event.preventDefault());
    electron.app.quit();
    await flush();
    expect(names()).toContain('will-quit');
    expect(terminate).not.toHaveBeenCalled();
    electron.app.exit(3);
    await flush();
    expect(terminate).toHaveBeenCalledWith(3);
  });

  it('exit() closes windows without before-quit or will-quit', () => {
    const { electron, names } = start();
    new electron.BrowserWindow();
    electron.app.exit(0);
    expect(names()).not.toContain('before-quit');
    expect(names()).toContain('quit');
    expect(electron.BrowserWindow.getAllWindows()).toEqual([]);
  });

  it('refuses windows and trays before ready, and enableSandbox after it', () => {
    const early = start(false).electron;
    expect(() => new early.BrowserWindow()).toThrow('Cannot create BrowserWindow before app is ready');
    expect(() => new early.Tray(early.nativeImage.createEmpty())).toThrow('Cannot create Tray before app is ready');
    expect(() => early.session.defaultSession).toThrow(/when app is ready/);
    const { electron } = start();
    expect(() => electron.app.enableSandbox()).toThrow('can only be called before app is ready');
  });

  it('names userData after productName and fails loudly on APIs it does not implement', () => {
    const { electron } = start();
    expect(electron.app.getPath('userData')).toMatch(/[/\\]Demo$/);
    expect(() => electron.app.setPath('userData', 'relative')).toThrow('Path must be absolute');
    expect(() => (electron.dialog as unknown as Record<string, unknown>).showMessageBox).toThrow(/not implemented/);
  });
});

describe('the fake renderer', () => {
  it('runs a sandboxed preload: only electron, events, timers and url can be required', async () => {
    const { electron, appDir } = start();
    const preload = join(appDir, 'preload.cjs');
    writeFileSync(
      preload,
      `const { contextBridge } = require('electron'); require('events');
       let fs = 'blocked'; try { require('fs'); fs = 'loaded'; } catch (e) { fs = e.message; }
       contextBridge.exposeInMainWorld('probe', { fs, add: async (a, b) => a + b });`,
    );
    writeFileSync(join(appDir, 'index.html'), '<!doctype html>');
    const window = new electron.BrowserWindow({ webPreferences: { preload } });
    await window.loadFile(join(appDir, 'index.html'));
    const probe = window.webContents.page!.mainWorld.probe as {
      fs: string;
      add(a: number, b: number): Promise<number>;
    };
    expect(probe.fs).toBe('module not found: fs');
    expect(await probe.add(2, 3)).toBe(5);
  });

  it('loads the page without the API when the preload is missing, and reports preload-error', async () => {
    const { electron, appDir } = start();
    writeFileSync(join(appDir, 'index.html'), '<!doctype html>');
    const window = new electron.BrowserWindow({ webPreferences: { preload: join(appDir, 'nope.cjs') } });
    const failed = vi.fn();
    window.webContents.on('preload-error', failed);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await window.loadFile(join(appDir, 'index.html'));
    expect(failed).toHaveBeenCalled();
    expect(window.webContents.page!.exposed).toEqual([]);
    await expect(window.loadFile(join(appDir, 'missing.html'))).rejects.toThrow(/ERR_FILE_NOT_FOUND \(-6\)/);
  });

  it('gives a message from a page that has since navigated no senderFrame', async () => {
    const { electron, appDir } = start();
    writeFileSync(join(appDir, 'index.html'), '<!doctype html>');
    const window = new electron.BrowserWindow();
    await window.loadFile(join(appDir, 'index.html'));
    const frame = window.webContents.mainFrame;
    const events: { senderFrame: unknown }[] = [];
    electron.ipcMain.on('ping', (event) => events.push(event as { senderFrame: unknown }));
    window.webContents.deliverToMain(frame, 'ping', []);
    await window.loadFile(join(appDir, 'index.html'));
    expect(events[0]!.senderFrame).toBeNull();
  });
});

describe("the fake page's scripts and stylesheets from file:", () => {
  const page = (appDir: string, html: string) => {
    writeFileSync(join(appDir, 'index.html'), html);
    writeFileSync(join(appDir, 'app.js'), '');
    return pathToFileURL(join(appDir, 'index.html')).href;
  };
  const resources = (url: string, fileProtocolPrivileges: boolean) => {
    const host = {
      schemes: new SchemeRegistry(),
      protocol: new FakeProtocol(new Recorder(() => true), 'p'),
      fileProtocolPrivileges,
    };
    return new PageResources(host, url);
  };
  const html =
    '<script type="module" crossorigin src="./app.js"></script><link rel="stylesheet" crossorigin href="./app.css">';

  it('refuses module scripts and crossorigin requests to file: without file:// privileges, as Chromium does', async () => {
    const { appDir } = start();
    const url = page(appDir, html);
    expect(await resources(url, true).loadDocument(html)).toEqual({
      scripts: 1,
      stylesheets: 1,
      modulePreloads: 0,
      loaded: [pathToFileURL(join(appDir, 'app.js')).href],
      errors: [expect.stringMatching(/ERR_FILE_NOT_FOUND .*app\.css$/)],
    });
    expect((await resources(url, false).loadDocument(html)).errors).toEqual([
      expect.stringMatching(
        /^Access to script at 'file:.*app\.js' from origin 'null' has been blocked by CORS policy$/,
      ),
      expect.stringMatching(/^Access to stylesheet at/),
    ]);
  });

  it('loads a classic deferred script either way', async () => {
    const { appDir } = start();
    const classic = '<script defer src="./app.js"></script>';
    expect(await resources(page(appDir, classic), false).loadDocument(classic)).toMatchObject({
      scripts: 1,
      stylesheets: 0,
      errors: [],
    });
  });
});

describe('protocol: privileged schemes and protocol.handle', () => {
  const headers = (type: string) => ({ 'Content-Type': type });
  /** A tiny app:// site: a page, an entry module that imports a chunk, a preload, a stylesheet. */
  const site: Record<string, [string, string]> = {
    '/index.html': [
      'text/html',
      '<script type="module" crossorigin src="./assets/entry.js"></script>' +
        '<link rel="modulepreload" crossorigin href="./assets/shared.js">' +
        '<link rel="stylesheet" crossorigin href="./assets/app.css">',
    ],
    '/assets/entry.js': ['text/javascript', 'import{s as t}from"./shared.js";import"./side.js";'],
    '/assets/shared.js': ['text/javascript; charset=utf-8', 'export const s = 1;'],
    '/assets/side.js': ['text/javascript', ''],
    '/assets/app.css': ['text/css', 'body{}'],
    '/assets/plain.js': ['text/plain', ''],
  };
  const serve = (request: Request) => {
    const { host, pathname } = new URL(request.url);
    const file = host === 'demo' ? site[pathname] : undefined;
    return file ? new Response(file[1], { headers: headers(file[0]) }) : new Response('nope', { status: 404 });
  };
  const pages = (records: FakeRecord[]) => records.filter((record) => record.kind === 'page');

  it('registers schemes only before ready and only once; protocol.handle exists only after ready', () => {
    const { electron } = start(false);
    expect(electron.protocol.handle).toBeUndefined();
    expect(() =>
      electron.protocol.registerSchemesAsPrivileged([{ scheme: 'x', privileges: { codeCache: true } }]),
    ).toThrow('Code cache can only be enabled when the custom scheme is registered as standard scheme.');
    electron.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true } }]);
    expect(() => electron.protocol.registerSchemesAsPrivileged([])).toThrow(/only once/);
    electron.app.markReady();
    expect(() => electron.protocol.registerSchemesAsPrivileged([])).toThrow(
      'protocol.registerSchemesAsPrivileged should be called before app is ready',
    );
    electron.protocol.handle!('app', serve);
    expect(electron.session.defaultSession.protocol.isProtocolHandled('app')).toBe(true);
    expect(() => electron.session.defaultSession.protocol.handle('app', serve)).toThrow(
      'Failed to register protocol: app',
    );
    expect(
      () => (electron.session.defaultSession.protocol as unknown as Record<string, unknown>).interceptProtocol,
    ).toThrow(/not implemented/);
  });

  it('loads a page, its module graph, module preloads and stylesheets through the handler', async () => {
    const { electron } = start(false, false);
    electron.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    electron.app.markReady();
    electron.session.defaultSession.protocol.handle('app', serve);
    const window = new electron.BrowserWindow();
    await window.loadURL('app://demo/index.html');
    const [page] = pages(electron.recorder.records);
    expect(page).toMatchObject({
      url: 'app://demo/index.html',
      status: 200,
      origin: 'app://demo',
      secureContext: true,
      headers: { 'content-type': 'text/html' },
      scripts: 1,
      modulePreloads: 1,
      stylesheets: 1,
      resourceErrors: [],
    });
    expect(page?.kind === 'page' && page.loaded.map((url) => new URL(url).pathname)).toEqual([
      '/assets/entry.js',
      '/assets/shared.js',
      '/assets/side.js',
      '/assets/app.css',
    ]);
    expect(window.webContents.mainFrame.origin).toBe('app://demo');
    // What the page's scripts load later: a lazy chunk, a stylesheet, fetch() (not supportFetchAPI).
    const resources = window.webContents.resources!;
    expect((await resources.load('./assets/plain.js', 'module')).errors).toEqual([
      expect.stringMatching(/^Failed to load module script: .* MIME type of "text\/plain"/),
    ]);
    expect((await resources.load('./assets/shared.js', 'stylesheet')).errors).toEqual([
      expect.stringMatching(/^Refused to apply style from .* \('text\/javascript'\)/),
    ]);
    expect((await resources.load('./assets/gone.js', 'module')).errors).toEqual([
      expect.stringMatching(/status of 404/),
    ]);
    expect((await resources.load('app://other/x.js', 'module')).errors).toEqual([
      expect.stringMatching(
        /^Access to script at 'app:\/\/other\/x\.js' from origin 'app:\/\/demo' has been blocked by CORS/,
      ),
    ]);
    expect((await resources.load('./index.html', 'fetch')).errors).toEqual([
      'Fetch API cannot load app://demo/index.html. URL scheme "app" is not supported.',
    ]);
    expect((await resources.load('file:///etc/hostname', 'script')).errors).toEqual([
      'Not allowed to load local resource: file:///etc/hostname',
    ]);
  });

  it('fails like Chromium without a handler, with a throwing handler, and resolves nothing relative off a non-standard scheme', async () => {
    const { electron } = start(false);
    electron.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true } }]);
    electron.app.markReady();
    const window = new electron.BrowserWindow();
    await expect(window.loadURL('app://demo/index.html')).rejects.toThrow('ERR_UNKNOWN_URL_SCHEME (-302)');
    electron.session.defaultSession.protocol.handle('app', () => {
      throw new Error('handler bug');
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(window.loadURL('app://demo/index.html')).rejects.toThrow('ERR_UNEXPECTED (-9)');
    electron.session.defaultSession.protocol.handle('plain', serve);
    await window.loadURL('plain://demo/index.html');
    const [page] = pages(electron.recorder.records);
    expect(page).toMatchObject({ origin: 'null', secureContext: false, loaded: [] });
    expect(page?.kind === 'page' && page.resourceErrors[0]).toMatch(/plain: is not registered as a standard scheme/);
  });
});

describe('fake menus, images and storage', () => {
  it('performs a menu item’s role instead of its click, and validates templates', async () => {
    const { electron, names } = start();
    const click = vi.fn();
    const tray = new electron.Tray(electron.nativeImage.createEmpty());
    tray.setContextMenu(electron.Menu.buildFromTemplate([{ label: 'Quit', role: 'quit', click }]));
    tray.pick(['Quit']);
    await flush();
    expect(click).not.toHaveBeenCalled();
    expect(names()).toContain('before-quit');
    expect(() => electron.Menu.buildFromTemplate([{ click }])).toThrow(/must have at least one of label, role or type/);
    tray.destroy();
    expect(() => tray.setToolTip('x')).toThrow('Object has been destroyed');
  });

  it('gives an empty image for a missing file, as Electron does', () => {
    const { electron } = start();
    expect(electron.nativeImage.createFromPath('/nowhere/icon.png').isEmpty()).toBe(true);
  });

  it('encrypts with safeStorage only once ready', () => {
    expect(() => start(false).electron.safeStorage.encryptString('x')).toThrow(/Encryption is not available/);
    const { electron } = start();
    expect(electron.safeStorage.decryptString(electron.safeStorage.encryptString('secret'))).toBe('secret');
    expect(electronEvent({ a: 1 }).defaultPrevented).toBe(false);
  });
});

describe('fake global shortcuts', () => {
  it('register only once ready, refuse a taken accelerator, and run the callback when pressed', () => {
    expect(() => start(false).electron.globalShortcut.register('CommandOrControl+Shift+M', () => {})).toThrow(
      /before the app is ready/,
    );
    const { electron } = start();
    const pressed = vi.fn();
    expect(electron.globalShortcut.register('CommandOrControl+Shift+M', pressed)).toBe(true);
    expect(electron.globalShortcut.register('CommandOrControl+Shift+M', () => {})).toBe(false);
    electron.globalShortcut.press('CommandOrControl+Shift+M');
    expect(pressed).toHaveBeenCalledTimes(1);
    electron.globalShortcut.unregister('CommandOrControl+Shift+M');
    expect(electron.globalShortcut.isRegistered('CommandOrControl+Shift+M')).toBe(false);
    expect(() => electron.globalShortcut.press('CommandOrControl+Shift+M')).toThrow(/No global shortcut/);
  });
});

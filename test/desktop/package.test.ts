import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuilderConfig } from '../../scripts/smoke-desktop/builder-config.ts';
import { runDesktopSmoke } from '../../scripts/smoke-desktop/run.ts';
import { extractAsar, packApp, readAsar, runtimePackages, stubElectronDist, type AsarEntry } from './pack.ts';

/** app.asar must stay under this; out/ is about 9 MB, 5.7 MB of it the OCR recogniser and English data (docs/cards.md). */
const BUDGET_BYTES = 15 * 1024 * 1024;
const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
};
const root = mkdtempSync(join(tmpdir(), 'rapport-pack-'));
let appOutDir = '';
let archive = '';
let entries: AsarEntry[] = [];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => `/${relative(process.cwd(), join(dir, name)).replaceAll('\\', '/')}`);
}

beforeAll(async () => {
  expect(existsSync('out/main/index.js'), 'run npm run build first').toBe(true);
  const dist = await stubElectronDist(join(root, 'electron-dist'), pkg.devDependencies.electron!);
  const started = performance.now();
  ({ appOutDir } = await packApp(dist, join(root, 'dist')));
  console.log(
    `electron-builder --dir with a stub Electron, offline: ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  archive = join(appOutDir, 'resources', 'app.asar');
  entries = readAsar(archive);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the packaged app (electron-builder --dir, stub Electron)', () => {
  it('lays out the Linux app: the binary named after the app, app.asar in resources', () => {
    expect(readdirSync(appOutDir).sort()).toEqual([
      'LICENSE.electron.txt',
      'LICENSES.chromium.html',
      'rapport',
      'resources',
      'version',
    ]);
    // With electronDist, electron-builder keeps Electron's default_app.asar and version (it removes
    // them only after unpacking a download); Electron prefers app.asar when both exist.
    expect(readdirSync(join(appOutDir, 'resources')).sort()).toEqual(['app.asar', 'default_app.asar']);
  });

  it('holds out/main, out/preload, out/renderer and package.json, exactly as built', () => {
    const packed = entries.map((entry) => entry.path).filter((path) => path.startsWith('/out/'));
    expect(packed.sort()).toEqual(filesUnder('out').sort());
    for (const required of [
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/package.json',
    ])
      expect(packed.concat('/package.json'), required).toContain(required);
    const packedJson = JSON.parse(extractFile('package.json')) as Record<string, unknown>;
    expect(packedJson).toMatchObject({ main: 'out/main/index.js', type: 'module', productName: 'Rapport' });
    expect(packedJson).not.toHaveProperty('devDependencies');
  });

  it('holds the production dependencies main loads at run time, and nothing else from node_modules', () => {
    const needed = runtimePackages('out/main');
    const packed = new Set(
      entries.flatMap((entry) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(entry.path)?.slice(1, 2) ?? []),
    );
    expect([...packed].sort()).toEqual(needed);
    for (const name of needed) expect(Object.keys(pkg.dependencies), `${name} is not a dependency`).toContain(name);
    for (const name of Object.keys(pkg.devDependencies)) expect(packed.has(name), name).toBe(false);
  });

  it('holds no tests, TypeScript sources or source maps', () => {
    const unwanted = entries.filter(({ path }) =>
      /\.(ts|tsx|mts|cts|map)$|\.(test|spec)\.|\/(test|tests|__tests__)\/|^\/(main|shared|renderer|scripts|build)\//.test(
        path,
      ),
    );
    expect(unwanted.map((entry) => entry.path)).toEqual([]);
  });

  it(`stays under ${MB(BUDGET_BYTES)}`, () => {
    const size = statSync(archive).size;
    const largest = [...entries].sort((a, b) => b.size - a.size).slice(0, 10);
    console.log(
      `app.asar: ${MB(size)} (${entries.length} files; budget ${MB(BUDGET_BYTES)})\n` +
        largest.map((entry) => `  ${(entry.size / 1024).toFixed(0).padStart(7)} kB  ${entry.path}`).join('\n'),
    );
    expect(size).toBeLessThan(BUDGET_BYTES);
  });

  it('runs the desktop smoke checks from the extracted app.asar, as the packaged binary', async () => {
    const extracted = join(root, 'extracted');
    extractAsar(archive, extracted);
    const { electronFuses } = await loadBuilderConfig(process.cwd());
    const report = await runDesktopSmoke({ appDir: extracted, packaged: true, fuses: electronFuses ?? {} });
    const failures = report.checks.filter((check) => !check.ok);
    expect(failures.map((check) => `${check.name}: ${check.detail}`)).toEqual([]);
    expect(report.checks.length).toBeGreaterThan(20);
  });
});

function extractFile(path: string): string {
  const extracted = join(root, 'single');
  if (!existsSync(extracted)) extractAsar(archive, extracted);
  return readFileSync(join(extracted, path), 'utf8');
}

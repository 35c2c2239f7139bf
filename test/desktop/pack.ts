import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';

const asar = createRequire(import.meta.url)('@electron/asar') as typeof import('@electron/asar');
const run = promisify(execFile);
const here = (file: string) => new URL(file, import.meta.url).pathname;

/**
 * The layout of an unpacked Electron for Linux, with a placeholder where the binary goes.
 * electron-builder copies the folder, renames the binary after the app and adds app.asar to
 * resources/. It hashes every archive in resources/ (asar integrity), so the default app must
 * be a real archive, as in Electron's own dist.
 */
export async function stubElectronDist(dir: string, version: string): Promise<string> {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const binary = join(dir, 'electron');
  writeFileSync(
    binary,
    '#!/bin/sh\necho "This is a stub Electron used to test packaging; it cannot run apps." >&2\nexit 1\n',
  );
  chmodSync(binary, 0o755);
  const defaultApp = join(dir, 'default-app');
  mkdirSync(defaultApp);
  writeFileSync(join(defaultApp, 'package.json'), '{"name":"electron","main":"main.js"}');
  await asar.createPackage(defaultApp, join(dir, 'resources', 'default_app.asar'));
  rmSync(defaultApp, { recursive: true });
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, 'LICENSE'), 'stub');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), 'stub');
  return dir;
}

/**
 * Runs `electron-builder --dir` (pack-app.ts) offline: Node processes (electron-builder and any
 * it starts) refuse TCP connections, other tools get a proxy that does not exist, npm runs
 * offline, and electron-builder's download cache starts empty.
 */
export async function packApp(electronDist: string, output: string): Promise<{ appOutDir: string; log: string }> {
  const blocker = `--import ${here('./no-network.ts')}`;
  const deadProxy = 'http://127.0.0.1:9';
  const env = {
    ...process.env,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, blocker].filter(Boolean).join(' '),
    HTTP_PROXY: deadProxy,
    HTTPS_PROXY: deadProxy,
    NO_PROXY: '',
    npm_config_offline: 'true',
    ELECTRON_BUILDER_CACHE: join(output, 'cache'),
  };
  const { stdout, stderr } = await run(process.execPath, [here('./pack-app.ts'), electronDist, output], {
    cwd: process.cwd(),
    env,
    maxBuffer: 1 << 24,
  });
  return { appOutDir: join(output, 'linux-unpacked'), log: stdout + stderr };
}

export interface AsarEntry {
  path: string;
  size: number;
}

/** Every file in the archive with its size, as @electron/asar reads the header. */
export function readAsar(archive: string): AsarEntry[] {
  return asar
    .listPackage(archive, { isPack: false })
    .map((path) => ({ path, stat: asar.statFile(archive, path.slice(1), false) }))
    .filter(({ stat }) => 'size' in stat)
    .map(({ path, stat }) => ({ path: path.replaceAll('\\', '/'), size: (stat as { size: number }).size }));
}

export const extractAsar = (archive: string, dest: string) => asar.extractAll(archive, dest);

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * npm packages the built main bundle loads at run time: the bare specifiers of its top-level
 * imports, dynamic imports and rolldown's `__require` calls (outside comments), other than
 * `electron` and Node's built-ins, by package name.
 */
export function runtimePackages(outMain: string): string[] {
  const names = new Set<string>();
  const patterns = [
    /^import\s+(?:[^'"]*\sfrom\s*)?["']([^"']+)["']/,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\b__require\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const file of readdirSync(outMain).filter((name) => name.endsWith('.js'))) {
    for (const line of readFileSync(join(outMain, file), 'utf8').split('\n')) {
      if (/^\s*(\*|\/\/|\/\*)/.test(line)) continue;
      for (const pattern of patterns) {
        for (const [, specifier = ''] of line.matchAll(new RegExp(pattern, 'g'))) {
          if (specifier.startsWith('.') || specifier === 'electron' || BUILTINS.has(specifier)) continue;
          const parts = specifier.split('/');
          names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
        }
      }
    }
  }
  return [...names].sort();
}

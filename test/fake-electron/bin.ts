/**
 * The fake Electron executable: `node test/fake-electron/bin.ts <app folder> [args…]` starts an
 * app the way `electron <app folder>` does, in plain Node: it reads the folder's package.json,
 * points `electron` at the fake, imports `main`, and emits `ready` once that module has settled.
 * Started by driver.ts, it streams records to the test and takes commands over Node's IPC channel.
 */
import { readFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { attachControl } from './control.ts';
import type { HookData } from './hooks.ts';
import { RUNTIME_OPTIONS_ENV, type ChildMessage, type FakeRuntimeOptions } from './protocol.ts';
import { install } from './runtime.ts';

const [appArg, ...appArgs] = process.argv.slice(2);
if (!appArg) {
  console.error('Usage: node test/fake-electron/bin.ts <app folder> [args…]');
  process.exit(2);
}
const appDir = resolve(appArg);
const packageJson = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as {
  main?: string;
  name?: string;
  productName?: string;
  version?: string;
};
const installedElectron = createRequire(import.meta.url)('electron/package.json') as { version: string };
const options: FakeRuntimeOptions = {
  electronVersion: installedElectron.version,
  missingBuiltins: [],
  packaged: false,
  fuses: {},
  ...(JSON.parse(process.env[RUNTIME_OPTIONS_ENV] ?? '{}') as Partial<FakeRuntimeOptions>),
};

const hookData: HookData = {
  fakeElectronUrl: new URL('./electron.ts', import.meta.url).href,
  appDirUrl: pathToFileURL(appDir + sep).href,
  missingBuiltins: options.missingBuiltins,
};
register(new URL('./hooks.ts', import.meta.url), { data: hookData });

// What Electron's main process looks like from JavaScript.
Object.assign(process.versions, { electron: options.electronVersion });
Object.assign(process, { type: 'browser', defaultApp: !options.packaged || undefined });
const getBuiltinModule = process.getBuiltinModule.bind(process);
process.getBuiltinModule = ((id: string) =>
  options.missingBuiltins.includes(id) ? undefined : getBuiltinModule(id)) as typeof process.getBuiltinModule;
// A packaged app sees [exe, …args]; `electron <folder>` sees [exe, folder, …args].
process.argv = [process.execPath, ...(options.packaged ? [] : [appDir]), ...appArgs];

const send = process.send ? (message: ChildMessage) => process.send?.(message) : undefined;
// Node would exit once nothing is pending; Electron's browser process lives until it quits.
const keepAlive = setInterval(() => {}, 1 << 30);
let ended = false;

function terminate(code: number): void {
  if (ended) return;
  ended = true;
  clearInterval(keepAlive);
  fake.recorder.sink = undefined;
  fake.recorder.push({ kind: 'exit', code });
  const exit = fake.recorder.records.at(-1)!;
  if (send && process.connected) process.send!({ type: 'record', record: exit }, () => process.exit(code));
  else process.exit(code);
}

const fake = install({
  appDir,
  packageJson,
  packaged: options.packaged,
  argv: process.argv,
  terminate,
  fileProtocolPrivileges: options.fuses.grantFileProtocolExtraPrivileges ?? true,
});
if (send) {
  fake.recorder.sink = send;
  attachControl(fake, send);
}

// Electron shows an error dialog for an uncaught exception in main; here it ends the run.
const crash = (error: unknown) => {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`A JavaScript error occurred in the main process: ${message}`);
  fake.recorder.push({ kind: 'uncaught', message: error instanceof Error ? error.message : String(error) });
  terminate(1);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

fake.recorder.push({ kind: 'lifecycle', phase: 'main-import' });
try {
  await import(pathToFileURL(join(appDir, packageJson.main ?? 'index.js')).href);
} catch (error) {
  crash(error);
}
if (!ended) {
  fake.recorder.push({ kind: 'lifecycle', phase: 'main-settled' });
  fake.app.markReady();
}

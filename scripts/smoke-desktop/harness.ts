import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeElectronApp } from '../../test/fake-electron/driver.ts';
import type { FakeRuntimeOptions } from '../../test/fake-electron/protocol.ts';
import { assert, CheckFailed } from './checks.ts';

/** A throwaway home for one smoke run: the app sees only these folders. */
export interface SmokeEnv {
  appDir: string;
  root: string;
  /** Where Electron's `userData` lands for productName "Rapport", and so where the core keeps data. */
  dataDir: string;
  env: Record<string, string>;
  packaged: boolean;
  /** The fuses the packaged binary has (electron-builder.yml); empty for an unpackaged run. */
  fuses: Record<string, boolean>;
}

export function createSmokeEnv(appDir: string, packaged: boolean, fuses: Record<string, boolean> = {}): SmokeEnv {
  const root = mkdtempSync(join(tmpdir(), 'rapport-smoke-'));
  const env = {
    HOME: join(root, 'home'),
    XDG_CONFIG_HOME: join(root, 'config'),
    XDG_CACHE_HOME: join(root, 'cache'),
    XDG_CURRENT_DESKTOP: 'KDE',
    TZ: 'UTC',
    LANG: 'C.UTF-8',
  };
  mkdirSync(env.HOME, { recursive: true });
  return { appDir, root, dataDir: join(env.XDG_CONFIG_HOME, 'Rapport'), env, packaged, fuses };
}

/** Every app a run started, so none outlives it. */
export class Launcher {
  readonly #apps: FakeElectronApp[] = [];
  readonly #smoke: SmokeEnv;

  constructor(smoke: SmokeEnv) {
    this.#smoke = smoke;
  }

  launch(options: { args?: string[]; env?: Record<string, string>; runtime?: Partial<FakeRuntimeOptions> } = {}) {
    const app = FakeElectronApp.launch({
      appDir: this.#smoke.appDir,
      args: options.args ?? [],
      env: { ...this.#smoke.env, ...options.env },
      runtime: { packaged: this.#smoke.packaged, fuses: this.#smoke.fuses, ...options.runtime },
    });
    this.#apps.push(app);
    return app;
  }

  async stopAll(): Promise<void> {
    for (const app of this.#apps) app.kill();
    await Promise.all(this.#apps.map((app) => app.exited));
    rmSync(this.#smoke.root, { recursive: true, force: true });
  }
}

/** A request from the window's page through the preload; resolves to the value or fails the check. */
export async function request<T>(app: FakeElectronApp, channel: string, input: unknown = {}): Promise<T> {
  const result = (await app.command({ name: 'page.request', channel, input })) as
    { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!result.ok) throw new CheckFailed(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The page the window shows, once it has loaded (the first, or the `index`-th load). */
export function waitForPage(app: FakeElectronApp, index = 0, timeoutMs?: number) {
  return app.waitFor(
    'the window to load its page',
    (records) => records.filter((record) => record.kind === 'page').at(index),
    timeoutMs,
  );
}

/** Waits for the app process to end and returns its exit code; fails after `timeoutMs`. */
export async function exitCode(app: FakeElectronApp, timeoutMs = 30_000): Promise<number | null> {
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
  const exited = await Promise.race([app.exited, timeout]);
  assert(exited !== 'timeout', `the app was still running ${timeoutMs} ms later`);
  return exited.code;
}

/** The data folder's lock file: the pid holding it, or undefined when nobody holds it. */
export function lockHolder(dataDir: string): string | undefined {
  const lock = join(dataDir, 'rapport.lock');
  return existsSync(lock) ? readFileSync(lock, 'utf8') : undefined;
}

export interface StartupTiming {
  /** Milliseconds from process start until the fake imports the app's main module. */
  mainImport: number;
  /** …until main listens on IPC: the core is open and the window connected. */
  coreReady: number;
  /** …until main sets the window's URL (`loadFile`/`loadURL`). */
  urlSet: number;
}

export function startupTiming(app: FakeElectronApp): StartupTiming | undefined {
  const mainImport = app.records.find((record) => record.kind === 'lifecycle' && record.phase === 'main-import')?.at;
  const coreReady = app.calls('ipcMain.on')[0]?.at;
  const urlSet = app.calls(/^BrowserWindow#\d+\.load(File|URL)$/)[0]?.at;
  if (mainImport === undefined || coreReady === undefined || urlSet === undefined) return undefined;
  return { mainImport, coreReady, urlSet };
}

export function formatTiming(label: string, timing: StartupTiming): string {
  const app = (at: number) => Math.round(at - timing.mainImport);
  return (
    `${label}: core ready ${Math.round(timing.coreReady)} ms, URL set ${Math.round(timing.urlSet)} ms after process ` +
    `start (the app's own part, from importing out/main: ${app(timing.coreReady)} ms and ${app(timing.urlSet)} ms)`
  );
}

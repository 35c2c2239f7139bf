import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { electronEvent, nextTurn, RecordingEmitter } from './events.ts';
import type { Recorder } from './recorder.ts';
import { acquireSingleInstance, type SecondInstanceMessage, type SingleInstanceLock } from './single-instance.ts';

/** What the app module needs from the rest of the fake. */
export interface AppHost {
  recorder: Recorder;
  /** The app folder (Electron's `app.getAppPath()`), its package.json, and how it was launched. */
  appDir: string;
  packageJson: { name?: string; productName?: string; version?: string };
  packaged: boolean;
  argv: string[];
  windows(): { close(): void; destroy(): void; isDestroyed(): boolean }[];
  /** Ends the process the way the browser process ends: no more JavaScript runs after this. */
  terminate(code: number): void;
}

const LINUX_LOGIN_ITEM = {
  openAtLogin: false,
  openAsHidden: false,
  wasOpenedAtLogin: false,
  wasOpenedAsHidden: false,
  restoreState: false,
  status: 'not-registered',
  executableWillLaunchAtLogin: false,
  launchItems: [],
};

/**
 * Electron's `app` as it behaves on Linux: `ready` after the main module has been evaluated,
 * `second-instance` only after `ready`, and quitting in Electron's order: `before-quit`, then
 * every window gets `close` (any can cancel the quit), then `will-quit` (can cancel), `quit`,
 * and the process ends. `exit()` skips the events and closes windows without asking.
 */
export class FakeApp extends RecordingEmitter {
  readonly #host: AppHost;
  readonly #paths = new Map<string, string>();
  #ready = false;
  #readyWaiters: (() => void)[] = [];
  #sandboxed = false;
  #quitting = false;
  #ended = false;
  #singleInstance: SingleInstanceLock | undefined;
  #pendingSecondInstances: SecondInstanceMessage[] = [];
  name: string;

  constructor(host: AppHost) {
    super(host.recorder, () => 'app');
    this.#host = host;
    this.name = (host.packageJson.productName ?? host.packageJson.name ?? 'Electron').trim();
  }

  get isPackaged(): boolean {
    return this.#host.packaged;
  }
  /** Whether `enableSandbox()` was called (every renderer is then sandboxed). */
  get sandboxEnabled(): boolean {
    return this.#sandboxed;
  }
  get quitting(): boolean {
    return this.#quitting;
  }

  getName = () => this.name;
  getVersion = () => this.#host.packageJson.version ?? '0.0.0';
  getAppPath = () => this.#host.appDir;
  isReady = () => this.#ready;

  whenReady(): Promise<void> {
    return this.#ready ? Promise.resolve() : new Promise((resolve) => this.#readyWaiters.push(resolve));
  }

  /** Called by the fake's executable once the main module has settled. */
  markReady(): void {
    this.emit('will-finish-launching');
    this.#ready = true;
    this.emit('ready', electronEvent(), {});
    for (const resolve of this.#readyWaiters.splice(0)) resolve();
    for (const message of this.#pendingSecondInstances.splice(0)) this.#emitSecondInstance(message);
  }

  enableSandbox(): void {
    this.#host.recorder.call('app.enableSandbox');
    if (this.#ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.#sandboxed = true;
  }

  getPath(name: string): string {
    const known = this.#paths.get(name) ?? this.#defaultPath(name);
    if (!known) throw new Error(`Failed to get '${name}' path`);
    return known;
  }

  setPath(name: string, path: string): void {
    this.#host.recorder.call('app.setPath', [name, path]);
    if (!isAbsolute(path)) throw new Error('Path must be absolute');
    this.#paths.set(name, path);
  }

  #defaultPath(name: string): string | undefined {
    const appData = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
    const userData = () => this.#paths.get('userData') ?? join(appData, this.name);
    const paths: Record<string, () => string> = {
      home: homedir,
      appData: () => appData,
      userData,
      sessionData: userData,
      temp: tmpdir,
      exe: () => process.execPath,
      logs: () => join(userData(), 'logs'),
      crashDumps: () => join(userData(), 'Crashpad'),
    };
    return paths[name]?.();
  }

  requestSingleInstanceLock(additionalData: unknown = {}): boolean {
    this.#host.recorder.call('app.requestSingleInstanceLock', [additionalData]);
    this.#singleInstance ??= acquireSingleInstance(
      this.getPath('userData'),
      { argv: this.#host.argv, workingDirectory: process.cwd(), additionalData },
      (message) => (this.#ready ? this.#emitSecondInstance(message) : this.#pendingSecondInstances.push(message)),
    );
    return this.#singleInstance.primary;
  }

  hasSingleInstanceLock = () => this.#singleInstance?.primary === true;

  #emitSecondInstance({ argv, workingDirectory, additionalData }: SecondInstanceMessage): void {
    this.emit('second-instance', electronEvent(), argv, workingDirectory, additionalData);
  }

  setAppUserModelId(id: string): void {
    this.#host.recorder.call('app.setAppUserModelId', [id]);
  }
  /** Linux has no login items in Electron; it answers with the defaults. */
  getLoginItemSettings() {
    this.#host.recorder.call('app.getLoginItemSettings');
    return { ...LINUX_LOGIN_ITEM };
  }
  setLoginItemSettings(settings: object): void {
    this.#host.recorder.call('app.setLoginItemSettings', [settings]);
  }
  /** Only Unity's launcher shows badges on Linux; elsewhere Electron returns false. */
  setBadgeCount(count?: number): boolean {
    this.#host.recorder.call('app.setBadgeCount', [count]);
    return false;
  }
  focus(options?: object): void {
    this.#host.recorder.call('app.focus', [options]);
  }

  quit(): void {
    this.#host.recorder.call('app.quit');
    if (this.#quitting || this.#ended) return;
    const beforeQuit = electronEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.#quitting = true;
    for (const window of this.#host.windows()) window.close();
    // Windows close asynchronously in Electron; the quit continues once all have closed.
    void nextTurn().then(() => {
      if (this.#host.windows().some((window) => !window.isDestroyed())) this.#quitting = false;
      else this.#willQuit();
    });
  }

  #willQuit(): void {
    const willQuit = electronEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      this.#quitting = false;
      return;
    }
    this.#end(0);
  }

  exit(code = 0): void {
    this.#host.recorder.call('app.exit', [code]);
    this.#quitting = true;
    for (const window of this.#host.windows()) window.destroy();
    this.#end(code);
  }

  /** The last window closed outside of a quit: emit it, or quit when nobody listens (Linux). */
  allWindowsClosed(): void {
    if (this.#quitting || this.#ended) return;
    if (this.listenerCount('window-all-closed') === 0) this.quit();
    else this.emit('window-all-closed', electronEvent());
  }

  #end(code: number): void {
    if (this.#ended) return;
    this.#ended = true;
    this.emit('quit', electronEvent(), code);
    const lock = this.#singleInstance;
    lock?.release();
    // A second instance's message to the first must leave before the process does.
    void (lock?.notified ?? Promise.resolve()).then(() => this.#host.terminate(code));
  }
}

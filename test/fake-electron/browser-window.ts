import { assertAlive, electronEvent, RecordingEmitter } from './events.ts';
import { SNAPSHOT } from './recorder.ts';
import { FakeWebContents, type ContentsHost, type WebPreferences } from './web-contents.ts';

export interface WindowHost extends ContentsHost {
  app: ContentsHost['app'] & { isReady(): boolean; sandboxEnabled: boolean; allWindowsClosed(): void };
  windows: Set<FakeBrowserWindow>;
}

export interface WindowOptions {
  show?: boolean;
  webPreferences?: WebPreferences;
  [key: string]: unknown;
}

/** Electron's defaults for what the security checks look at (Electron ≥ 20). */
function effectivePreferences(given: WebPreferences = {}, appSandbox: boolean): WebPreferences {
  const preferences: WebPreferences = {
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
    navigateOnDragDrop: false,
    ...given,
  };
  // Renderers are sandboxed unless Node integration is on, and always after app.enableSandbox().
  preferences.sandbox = appSandbox || (given.sandbox ?? !preferences.nodeIntegration);
  return preferences;
}

/**
 * A window: visible on creation unless `show: false`, `ready-to-show` once after its first page
 * loaded, `close` that the app can prevent, then `closed`. When the last window is gone outside
 * a quit, the app gets `window-all-closed`.
 */
export class FakeBrowserWindow extends RecordingEmitter {
  static #nextId = 1;
  readonly id = FakeBrowserWindow.#nextId++;
  readonly webContents: FakeWebContents;
  readonly #host: WindowHost;
  #visible = false;
  #focused = false;
  #minimized = false;
  #destroyed = false;
  #painted = false;

  constructor(host: WindowHost, options: WindowOptions = {}) {
    if (!host.app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
    super(host.recorder, () => `BrowserWindow#${this.id}`);
    this.#host = host;
    host.recorder.call('new BrowserWindow', [options]);
    const preferences = effectivePreferences(options.webPreferences, host.app.sandboxEnabled);
    this.webContents = new FakeWebContents(host, preferences, () => this.#firstPaint());
    host.windows.add(this);
    host.app.emit('browser-window-created', electronEvent(), this);
    if (options.show !== false) this.show();
  }

  [SNAPSHOT]() {
    return { windowId: this.id };
  }

  #call(method: string, args: unknown[] = []) {
    this.#host.recorder.call(`BrowserWindow#${this.id}.${method}`, args);
    assertAlive(this.#destroyed);
  }

  #firstPaint(): void {
    if (this.#painted) return;
    this.#painted = true;
    this.emit('ready-to-show');
  }

  isDestroyed = () => this.#destroyed;
  isVisible = () => this.#visible;
  isFocused = () => this.#focused;
  isMinimized = () => this.#minimized;

  loadURL(url: string): Promise<void> {
    this.#call('loadURL', [url]);
    return this.webContents.loadURL(url);
  }
  loadFile(filePath: string): Promise<void> {
    this.#call('loadFile', [filePath]);
    return this.webContents.loadFile(filePath);
  }

  show(): void {
    this.#call('show');
    const wasVisible = this.#visible;
    this.#visible = true;
    this.#focused = true;
    if (!wasVisible) this.emit('show');
  }
  hide(): void {
    this.#call('hide');
    if (!this.#visible) return;
    this.#visible = false;
    this.#focused = false;
    this.emit('hide');
  }
  focus(): void {
    this.#call('focus');
    this.#focused = true;
    this.emit('focus');
  }
  minimize(): void {
    this.#call('minimize');
    this.#minimized = true;
    this.emit('minimize');
  }
  restore(): void {
    this.#call('restore');
    if (!this.#minimized) return;
    this.#minimized = false;
    this.emit('restore');
  }

  /** Same as the user clicking the close button: the app may prevent it. */
  close(): void {
    this.#call('close');
    const event = electronEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#visible = false;
    this.webContents.destroy();
    this.#host.windows.delete(this);
    this.emit('closed');
    if (this.#host.windows.size === 0) this.#host.app.allWindowsClosed();
  }
}

import { pathToFileURL } from 'node:url';
import { assertAlive, electronEvent, nextTurn, RecordingEmitter } from './events.ts';
import { loadResource, type Loaded } from './loader.ts';
import { FakeFrame, FakePage } from './page.ts';
import { SNAPSHOT, type Recorder } from './recorder.ts';
import type { SchemeRegistry } from './schemes.ts';
import type { FakeSession } from './session.ts';
import { PageResources } from './subresources.ts';

export interface WebPreferences {
  preload?: string;
  sandbox?: boolean;
  contextIsolation?: boolean;
  nodeIntegration?: boolean;
  navigateOnDragDrop?: boolean;
  [key: string]: unknown;
}

export interface ContentsHost {
  recorder: Recorder;
  /** `app`: receives `web-contents-created`. */
  app: { emit(name: string, ...args: unknown[]): boolean };
  session: FakeSession;
  ipcMain: { emit(name: string, ...args: unknown[]): boolean };
  allContents: Set<FakeWebContents>;
  /** `protocol.registerSchemesAsPrivileged`: how Chromium treats each scheme. */
  schemes: SchemeRegistry;
  fileProtocolPrivileges: boolean;
}

type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => {
  action: 'allow' | 'deny';
};

/**
 * Web contents with Electron's navigation events, in Electron's order. Pages load from `file:`
 * or from a scheme the session handles (`protocol.handle`), as `loader.ts` says; there is no
 * network. A failed load fails like Chromium (ERR_FILE_NOT_FOUND, ERR_UNKNOWN_URL_SCHEME…).
 */
export class FakeWebContents extends RecordingEmitter {
  static #nextId = 1;
  readonly id = FakeWebContents.#nextId++;
  readonly session: FakeSession;
  readonly webPreferences: WebPreferences;
  readonly recorder: Recorder;
  mainFrame = new FakeFrame('about:blank', null, 'null');
  page: FakePage | undefined;
  /** Loads what the current page asks for, with its origin; for `page.load` (control.ts). */
  resources: PageResources | undefined;
  readonly #host: ContentsHost;
  readonly #onFirstLoad: () => void;
  #destroyed = false;
  #windowOpenHandler: WindowOpenHandler | undefined;

  constructor(host: ContentsHost, webPreferences: WebPreferences, onFirstLoad: () => void = () => {}) {
    super(host.recorder, () => `WebContents#${this.id}`, ['ipc-message']);
    this.#host = host;
    this.recorder = host.recorder;
    this.session = host.session;
    this.webPreferences = webPreferences;
    this.#onFirstLoad = onFirstLoad;
    host.allContents.add(this);
    // Electron emits this while constructing the contents, before any page loads.
    host.app.emit('web-contents-created', electronEvent({ sender: this }), this);
  }

  [SNAPSHOT]() {
    return { webContentsId: this.id };
  }

  isDestroyed = () => this.#destroyed;
  getURL = () => this.mainFrame.url;

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#host.allContents.delete(this);
    this.emit('destroyed');
  }

  loadURL(url: string): Promise<void> {
    this.#host.recorder.call(`WebContents#${this.id}.loadURL`, [url]);
    return this.#navigate(url, false);
  }

  loadFile(filePath: string): Promise<void> {
    this.#host.recorder.call(`WebContents#${this.id}.loadFile`, [filePath]);
    return this.#navigate(pathToFileURL(filePath).href, false);
  }

  reload(): void {
    this.#host.recorder.call(`WebContents#${this.id}.reload`);
    void this.#navigate(this.mainFrame.url, false).catch(() => {});
  }

  send(channel: string, ...args: unknown[]): void {
    assertAlive(this.#destroyed);
    const page = this.page;
    const copied = structuredClone(args);
    setImmediate(() => page === this.page && page?.receive(channel, copied));
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.#host.recorder.call(`WebContents#${this.id}.setWindowOpenHandler`, [handler]);
    this.#windowOpenHandler = handler;
  }

  /** A renderer message from `frame`, as `ipcMain` listeners receive it. */
  deliverToMain(frame: FakeFrame, channel: string, args: unknown[]): void {
    if (this.#destroyed) return;
    const event = electronEvent({
      type: 'frame',
      sender: this,
      processId: frame.processId,
      frameId: frame.routingId,
      ports: [],
      returnValue: undefined,
      reply: (replyChannel: string, ...replyArgs: unknown[]) => this.send(replyChannel, ...replyArgs),
    });
    // Electron: null once the frame has navigated or been destroyed.
    Object.defineProperty(event, 'senderFrame', { get: () => (frame.detached ? null : frame), enumerable: true });
    this.emit('ipc-message', event, channel, ...args);
    this.#host.ipcMain.emit(channel, event, ...args);
  }

  /**
   * A navigation the page starts itself (a link, a form, a drop with navigateOnDragDrop):
   * `will-navigate` (or `will-redirect`) first, which can cancel it. Resolves to whether it went ahead.
   */
  async pageNavigates(url: string, redirect = false): Promise<boolean> {
    assertAlive(this.#destroyed);
    const details = { url, isSameDocument: false, isMainFrame: true, frame: this.mainFrame, initiator: this.mainFrame };
    const event = electronEvent(details);
    this.emit(redirect ? 'will-redirect' : 'will-navigate', event, url, false, true, 1, this.mainFrame.routingId);
    if (event.defaultPrevented) return false;
    await this.#navigate(url, true).catch(() => {});
    return true;
  }

  /** `window.open` or a target=_blank link: the handler decides; without one Electron allows it. */
  pageOpensWindow(url: string): 'allow' | 'deny' {
    const details = { url, frameName: '', features: '', disposition: 'new-window' };
    return this.#windowOpenHandler?.(details).action ?? 'allow';
  }

  /** A `<webview>` about to attach; resolves to whether the app let it. */
  pageAttachesWebview(): boolean {
    const event = electronEvent();
    this.emit('will-attach-webview', event, { nodeIntegration: false }, { src: 'https://example.org/' });
    return !event.defaultPrevented;
  }

  /** A file dropped on the page navigates to it only with `navigateOnDragDrop`. */
  async pageReceivesDrop(path: string): Promise<boolean> {
    if (this.webPreferences.navigateOnDragDrop !== true) return false;
    return this.pageNavigates(pathToFileURL(path).href);
  }

  async #navigate(url: string, pageInitiated: boolean): Promise<void> {
    assertAlive(this.#destroyed);
    const routing = () => [1, this.mainFrame.routingId] as const;
    this.emit('did-start-loading');
    const started = electronEvent({ url, isSameDocument: false, isMainFrame: true, frame: this.mainFrame });
    this.emit('did-start-navigation', started, url, false, true, ...routing());
    await nextTurn();
    const document = await this.#loadDocument(url);
    if (!document.ok) {
      this.emit('did-fail-load', electronEvent(), document.code, document.name, url, true, ...routing());
      this.emit('did-stop-loading');
      if (pageInitiated) return;
      throw new Error(`${document.name} (${document.code}) loading '${url}'`);
    }
    // Commit: a new document in a new frame; the old page and its frame are gone.
    const { schemes } = this.#host;
    this.mainFrame.detached = true;
    this.mainFrame = new FakeFrame(url, null, schemes.originOf(url));
    const page = (this.page = new FakePage(this, this.mainFrame));
    const resources = (this.resources = new PageResources(this.#loaderHost(), url));
    this.emit('did-navigate', electronEvent(), url, document.status, document.statusText);
    page.runPreload();
    await nextTurn();
    const report = await resources.loadDocument(document.body.toString('utf8'));
    this.emit('dom-ready', electronEvent());
    this.emit('did-frame-finish-load', electronEvent(), true, ...routing());
    this.emit('did-finish-load', electronEvent());
    this.emit('did-stop-loading');
    for (const error of report.errors) this.emit('console-message', electronEvent({ level: 'error', message: error }));
    this.#host.recorder.push({
      kind: 'page',
      contentsId: this.id,
      url,
      status: document.status,
      headers: document.headers,
      origin: this.mainFrame.origin,
      secureContext: schemes.isSecureContext(url),
      exposed: [...page.exposed],
      ...(page.preloadError ? { preloadError: page.preloadError } : {}),
      scripts: report.scripts,
      stylesheets: report.stylesheets,
      modulePreloads: report.modulePreloads,
      loaded: report.loaded,
      resourceErrors: report.errors,
    });
    this.#onFirstLoad();
  }

  #loaderHost() {
    const { schemes, session, fileProtocolPrivileges } = this.#host;
    return { schemes, protocol: session.schemeHandlers, fileProtocolPrivileges };
  }

  /**
   * The document: from the loader, its response headers through the session's
   * `webRequest.onHeadersReceived` (a handled scheme's response, as for http; file: has none).
   * Like Chromium, an HTTP error status still commits a page.
   */
  async #loadDocument(url: string): Promise<Loaded> {
    const loaded = await loadResource(this.#loaderHost(), { url, destination: 'document', initiatorOrigin: null });
    if (!loaded.ok || url.startsWith('file:')) return loaded;
    // Electron hands the listener every header as a list of values.
    const given = Object.fromEntries(Object.entries(loaded.headers).map(([name, value]) => [name, [value]]));
    const headers = await this.#host.session.receiveHeaders(url, given, loaded.status);
    if (headers === 'cancelled') return { ok: false, url, code: -20, name: 'ERR_BLOCKED_BY_CLIENT', message: '' };
    const flat = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toLowerCase(), [value].flat().join(', ')]),
    );
    return { ...loaded, headers: flat };
  }
}

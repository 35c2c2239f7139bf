import { EventEmitter } from 'node:events';
import type { Recorder } from './recorder.ts';
import { FakeProtocol, protocolApi } from './schemes.ts';

type Headers = Record<string, string | string[]>;
type HeadersListener = (
  details: { url: string; resourceType: string; statusCode: number; responseHeaders: Headers },
  callback: (response: { cancel?: boolean; responseHeaders?: Headers }) => void,
) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string, details: object) => boolean;
type RequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: object,
) => void;

/**
 * A session's permission handlers, `webRequest.onHeadersReceived` and `protocol`. Without
 * handlers Electron grants every permission, which is what the app's handlers must change.
 */
export class FakeSession {
  readonly #recorder: Recorder;
  #checkHandler: CheckHandler | null = null;
  #requestHandler: RequestHandler | null = null;
  #headersListener: HeadersListener | null = null;
  /** The `protocol.handle` handlers; pages of this session load through them (loader.ts). */
  readonly schemeHandlers: FakeProtocol;
  readonly protocol: ReturnType<typeof protocolApi>;

  constructor(recorder: Recorder) {
    this.#recorder = recorder;
    this.schemeHandlers = new FakeProtocol(recorder, 'session.protocol');
    this.protocol = protocolApi(this.schemeHandlers);
  }

  readonly webRequest = {
    onHeadersReceived: (filterOrListener: object | HeadersListener | null, listener?: HeadersListener | null) => {
      this.#recorder.call('session.webRequest.onHeadersReceived', [filterOrListener, listener]);
      this.#headersListener =
        typeof filterOrListener === 'function' ? (filterOrListener as HeadersListener) : (listener ?? null);
    },
  };

  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.#recorder.call('session.setPermissionCheckHandler', [handler]);
    this.#checkHandler = handler;
  }

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.#recorder.call('session.setPermissionRequestHandler', [handler]);
    this.#requestHandler = handler;
  }

  /** Chromium asking whether a page may use a permission (e.g. `navigator.permissions.query`). */
  checkPermission(contents: unknown, permission: string, origin: string): boolean {
    const details = { requestingUrl: `${origin}/`, isMainFrame: true, embeddingOrigin: origin };
    return this.#checkHandler ? this.#checkHandler(contents, permission, origin, details) : true;
  }

  /** A page requesting a permission (camera, notifications…); resolves to whether it was granted. */
  requestPermission(contents: unknown, permission: string, url: string): Promise<boolean> {
    const handler = this.#requestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(contents, permission, resolve, { requestingUrl: url, isMainFrame: true }));
  }

  /** A document's response arriving for `url`: the headers the page will see after the listener ran. */
  receiveHeaders(url: string, responseHeaders: Headers = {}, statusCode = 200): Promise<Headers | 'cancelled'> {
    const listener = this.#headersListener;
    if (!listener) return Promise.resolve(responseHeaders);
    return new Promise((resolve) =>
      listener({ url, resourceType: 'mainFrame', statusCode, responseHeaders }, (response) =>
        resolve(response.cancel ? 'cancelled' : (response.responseHeaders ?? responseHeaders)),
      ),
    );
  }
}

/** `ipcMain`: renderer messages arrive as events named after their channel. */
export class FakeIpcMain extends EventEmitter {
  readonly #recorder: Recorder;

  constructor(recorder: Recorder) {
    super();
    this.#recorder = recorder;
  }

  override on(channel: string, listener: (...args: unknown[]) => void): this {
    this.#recorder.call('ipcMain.on', [channel]);
    return super.on(channel, listener);
  }

  override removeListener(channel: string, listener: (...args: unknown[]) => void): this {
    this.#recorder.call('ipcMain.removeListener', [channel]);
    return super.removeListener(channel, listener);
  }
}

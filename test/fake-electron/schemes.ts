import type { Recorder } from './recorder.ts';
import { strict } from './system.ts';

/** Electron's `Privileges` (CustomScheme structure); every one defaults to false. */
export interface Privileges {
  standard?: boolean;
  secure?: boolean;
  bypassCSP?: boolean;
  allowServiceWorkers?: boolean;
  supportFetchAPI?: boolean;
  corsEnabled?: boolean;
  stream?: boolean;
  codeCache?: boolean;
  allowExtensions?: boolean;
}

/** Chromium's own schemes: `protocol.handle` would intercept them, which the fake does not model. */
const BUILT_IN_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'file', 'data', 'blob', 'about', 'javascript']);
const SPECIAL_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

/**
 * `protocol.registerSchemesAsPrivileged`, process-wide as in Electron: only before `ready`, and
 * only once (Electron passes the list to renderers on their command line, so a second call would
 * replace the first for them). It decides how Chromium treats a scheme's URLs: origin, secure
 * context, CORS, fetch.
 */
export class SchemeRegistry {
  readonly #schemes = new Map<string, Privileges>();
  #registered = false;

  register(customSchemes: unknown, ready: boolean): void {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    if (this.#registered)
      throw new Error(
        'fake electron: protocol.registerSchemesAsPrivileged can be called only once (Electron’s documentation)',
      );
    if (!Array.isArray(customSchemes)) throw new TypeError('Argument must be an array of custom schemes.');
    for (const entry of customSchemes as { scheme?: unknown; privileges?: Privileges }[]) {
      if (typeof entry?.scheme !== 'string') throw new TypeError('Argument must be an array of custom schemes.');
      const privileges = { ...entry.privileges };
      if (privileges.codeCache && !privileges.standard)
        throw new Error('Code cache can only be enabled when the custom scheme is registered as standard scheme.');
      this.#schemes.set(entry.scheme.toLowerCase(), privileges);
    }
    this.#registered = true;
  }

  privileges(scheme: string): Privileges {
    return this.#schemes.get(scheme.replace(/:$/, '').toLowerCase()) ?? {};
  }

  /** Whether URLs of this scheme have a host and resolve relative references (http-like). */
  isStandard(url: URL): boolean {
    return SPECIAL_SCHEMES.has(url.protocol) || url.protocol === 'file:' || !!this.privileges(url.protocol).standard;
  }

  /**
   * The origin Chromium gives a document at `url`: scheme://host for http(s) and standard custom
   * schemes, "file://" as WebFrameMain names file: documents, "null" (opaque) otherwise.
   */
  originOf(url: string): string {
    const parsed = URL.parse(url);
    if (!parsed) return 'null';
    if (parsed.protocol === 'file:') return 'file://';
    if (SPECIAL_SCHEMES.has(parsed.protocol)) return parsed.origin;
    return this.privileges(parsed.protocol).standard ? `${parsed.protocol}//${parsed.host}` : 'null';
  }

  /** A secure context: https, file:, loopback http, or a custom scheme registered as `secure`. */
  isSecureContext(url: string): boolean {
    const parsed = URL.parse(url);
    if (!parsed) return false;
    if (['https:', 'wss:', 'file:'].includes(parsed.protocol)) return true;
    if (parsed.protocol === 'http:') return ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    return !!this.privileges(parsed.protocol).secure;
  }
}

export type ProtocolHandler = (request: Request) => Response | Promise<Response>;

/** What a request to a handled scheme gave: a response, or the net error Chromium reports. */
export type HandledResponse = { response: Response } | { error: string; code: number };

/**
 * A session's `protocol`: `handle`, `unhandle`, `isProtocolHandled`. A request runs the handler
 * the way Electron's protocol.handle wrapper does: the page's request becomes a `Request`; a
 * handler that throws or returns something other than a `Response` fails with ERR_UNEXPECTED,
 * and `Response.error()` with ERR_FAILED.
 */
export class FakeProtocol {
  readonly #recorder: Recorder;
  readonly #source: string;
  readonly #handlers = new Map<string, ProtocolHandler>();

  constructor(recorder: Recorder, source: string) {
    this.#recorder = recorder;
    this.#source = source;
  }

  handle(scheme: string, handler: ProtocolHandler): void {
    this.#recorder.call(`${this.#source}.handle`, [scheme, handler]);
    if (BUILT_IN_SCHEMES.has(scheme))
      throw new Error(`fake electron: intercepting the built-in scheme ${scheme}: is not implemented`);
    if (typeof handler !== 'function') throw new TypeError('handler must be a function');
    if (this.#handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.#handlers.set(scheme, handler);
  }

  unhandle(scheme: string): void {
    this.#recorder.call(`${this.#source}.unhandle`, [scheme]);
    if (!this.#handlers.delete(scheme)) throw new Error(`Failed to unregister protocol: ${scheme}`);
  }

  isProtocolHandled = (scheme: string): boolean => this.#handlers.has(scheme);

  /** Chromium requesting `url` from this scheme's handler. Undefined when nothing handles it. */
  async request(url: string, method = 'GET'): Promise<HandledResponse | undefined> {
    const handler = this.#handlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) return undefined;
    try {
      const response: unknown = await handler(new Request(url, { method }));
      if (!(response instanceof Response)) return { error: 'net::ERR_UNEXPECTED', code: -9 };
      if (response.type === 'error') return { error: 'net::ERR_FAILED', code: -2 };
      return { response };
    } catch (error) {
      console.error(error);
      return { error: 'net::ERR_UNEXPECTED', code: -9 };
    }
  }
}

/** A session's `protocol` as the app sees it: the methods above; any other member throws. */
export function protocolApi(protocol: FakeProtocol) {
  return strict('session.protocol', {
    handle: (scheme: string, handler: ProtocolHandler) => protocol.handle(scheme, handler),
    unhandle: (scheme: string) => protocol.unhandle(scheme),
    isProtocolHandled: (scheme: string) => protocol.isProtocolHandled(scheme),
  });
}

/**
 * The module-level `protocol`: `registerSchemesAsPrivileged` at any time (it throws after
 * ready); everything else is the default session's, and before `ready` Electron's module hands
 * out `undefined` for it (so `protocol.handle(…)` is "not a function").
 */
export function moduleProtocol(
  recorder: Recorder,
  registry: SchemeRegistry,
  isReady: () => boolean,
  defaultProtocol: () => ReturnType<typeof protocolApi>,
) {
  const own = {
    registerSchemesAsPrivileged(customSchemes: unknown) {
      recorder.call('protocol.registerSchemesAsPrivileged', [customSchemes]);
      registry.register(customSchemes, isReady());
    },
  };
  // Typed as Electron's: the session's methods may be missing (before ready).
  return new Proxy(own as typeof own & Partial<ReturnType<typeof protocolApi>>, {
    get(target, key, receiver) {
      if (typeof key === 'symbol' || key in target) return Reflect.get(target, key, receiver);
      if (!isReady()) return undefined;
      return defaultProtocol()[key as keyof ReturnType<typeof protocolApi>];
    },
  });
}

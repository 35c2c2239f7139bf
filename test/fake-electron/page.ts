import * as events from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute } from 'node:path';
import * as timers from 'node:timers';
import * as vm from 'node:vm';
import { electronEvent } from './events.ts';
import type { Recorder } from './recorder.ts';

/** A frame as main sees it (`WebFrameMain`). A committed navigation replaces the main frame. */
export class FakeFrame {
  static #nextId = 1;
  readonly routingId = FakeFrame.#nextId++;
  readonly frameTreeNodeId = this.routingId;
  readonly processId = 1;
  /** Set when a navigation replaced this frame: messages it sent then have no `senderFrame`. */
  detached = false;
  readonly url: string;
  readonly parent: FakeFrame | null;
  /** As Chromium names it (`SchemeRegistry.originOf`): "app://rapport", "file://", "null"… */
  readonly origin: string;

  constructor(url: string, parent: FakeFrame | null, origin: string) {
    this.url = url;
    this.parent = parent;
    this.origin = origin;
  }
  get top(): FakeFrame {
    return this.parent ? this.parent.top : this;
  }
}

/** What a page needs from its web contents. */
export interface PageHost {
  readonly id: number;
  recorder: Recorder;
  webPreferences: { preload?: string; sandbox?: boolean; contextIsolation?: boolean };
  /** Hands a renderer message to `ipcMain` with Electron's event object. */
  deliverToMain(frame: FakeFrame, channel: string, args: unknown[]): void;
  emit(name: string, ...args: unknown[]): boolean;
}

type Listener = (event: object, ...args: unknown[]) => void;

/** The modules a sandboxed preload may `require` (Electron's sandbox polyfills). */
const SANDBOX_MODULES: Record<string, unknown> = { events, timers, url: { URL, URLSearchParams } };

/** The web platform a page has, as far as a preload script uses it. */
const WEB_GLOBALS = [
  'console',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'queueMicrotask',
  'structuredClone',
  'atob',
  'btoa',
  'crypto',
  'AbortController',
  'AbortSignal',
  'Event',
  'EventTarget',
  'performance',
] as const;

/**
 * One document in a renderer: its preload runs in an isolated world with `contextBridge` and
 * `ipcRenderer`; `mainWorld` is the page's `window` as far as the bridge fills it. The page's own
 * scripts (the React app) do not run; tests call what the preload exposed instead.
 */
export class FakePage {
  readonly mainWorld: Record<string, unknown> = {};
  readonly exposed: string[] = [];
  preloadError: string | undefined;
  readonly #host: PageHost;
  readonly #frame: FakeFrame;
  readonly #listeners = new Map<string, Set<Listener>>();

  constructor(host: PageHost, frame: FakeFrame) {
    this.#host = host;
    this.#frame = frame;
  }

  get url(): string {
    return this.#frame.url;
  }

  /** Runs the window's preload, as Electron does before the page's scripts. */
  runPreload(): void {
    const { preload, sandbox, contextIsolation } = this.#host.webPreferences;
    if (!preload) return;
    try {
      if (!isAbsolute(preload)) throw new Error(`preload must be an absolute path: ${preload}`);
      const code = readFileSync(preload, 'utf8');
      const electron = this.#rendererElectron(contextIsolation !== false);
      const require = sandbox === false ? createRequire(preload) : sandboxRequire(electron);
      const context = vm.createContext(Object.fromEntries(WEB_GLOBALS.map((name) => [name, globalThis[name]])));
      vm.runInContext('globalThis.window = globalThis.self = globalThis;', context);
      const wrapped = vm.runInContext(
        `(function (exports, require, module, __filename, __dirname, process, Buffer, global) {${code}\n})`,
        context,
        { filename: preload },
      ) as (...args: unknown[]) => void;
      const module = { exports: {} };
      wrapped(module.exports, require, module, preload, dirname(preload), rendererProcess(), Buffer, context);
    } catch (error) {
      // Electron reports a failing preload and loads the page anyway, without the API.
      this.preloadError = error instanceof Error ? error.message : String(error);
      this.#host.emit('preload-error', electronEvent(), preload, error);
      console.error(`Unable to load preload script: ${preload}\n${this.preloadError}`);
    }
  }

  #record(direction: 'to-page' | 'to-main', channel: string, args: unknown[]): void {
    const message = args[0] as { type?: unknown; id?: unknown; name?: unknown } | undefined;
    const text = (key: 'type' | 'id' | 'name') =>
      typeof message?.[key] === 'string' ? { [key]: message[key] as string } : {};
    this.#host.recorder.push({
      kind: 'page-message',
      direction,
      contentsId: this.#host.id,
      pageId: this.#frame.routingId,
      channel,
      ...text('type'),
      ...text('id'),
      ...text('name'),
    });
  }

  /** A message main sent with `webContents.send`. */
  receive(channel: string, args: unknown[]): void {
    this.#record('to-page', channel, args);
    const event = { sender: this.#ipcRenderer, ports: [] };
    for (const listener of this.#listeners.get(channel) ?? []) listener(event, ...structuredClone(args));
  }

  #ipcRenderer = {
    send: (channel: string, ...args: unknown[]) => {
      // Electron serialises with the structured clone algorithm and throws on what it cannot copy.
      const copied = structuredClone(args);
      this.#record('to-main', channel, copied);
      setImmediate(() => this.#host.deliverToMain(this.#frame, channel, copied));
    },
    on: (channel: string, listener: Listener) => {
      const set = this.#listeners.get(channel) ?? new Set();
      this.#listeners.set(channel, set.add(listener));
      return this.#ipcRenderer;
    },
    removeListener: (channel: string, listener: Listener) => {
      this.#listeners.get(channel)?.delete(listener);
      return this.#ipcRenderer;
    },
  };

  #rendererElectron(contextIsolation: boolean) {
    const contextBridge = {
      exposeInMainWorld: (key: string, api: unknown) => {
        if (!contextIsolation) throw new Error('contextBridge API can only be used when contextIsolation is enabled');
        if (key in this.mainWorld)
          throw new Error('Cannot bind an API on top of an existing property on the window object');
        this.mainWorld[key] = bridge(api);
        this.exposed.push(key);
      },
    };
    return { contextBridge, ipcRenderer: this.#ipcRenderer };
  }
}

function sandboxRequire(electron: object) {
  return (id: string) => {
    const name = id.replace(/^node:/, '');
    if (name === 'electron' || name === 'electron/renderer') return electron;
    if (name in SANDBOX_MODULES) return SANDBOX_MODULES[name];
    throw new Error(`module not found: ${id}`);
  };
}

function rendererProcess() {
  return {
    type: 'renderer',
    sandboxed: true,
    contextIsolated: true,
    platform: process.platform,
    arch: process.arch,
    versions: { ...process.versions },
    env: {},
    argv: [],
  };
}

/**
 * What `contextBridge` does to a value crossing worlds: data is copied, functions become proxies
 * that copy their arguments and results the same way, promises resolve to copies.
 */
function bridge(value: unknown): unknown {
  if (typeof value === 'function')
    return (...args: unknown[]) => bridge((value as (...a: unknown[]) => unknown)(...args.map(bridge)));
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { then?: unknown }).then === 'function') return Promise.resolve(value).then(bridge);
  if (Array.isArray(value)) return value.map(bridge);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, bridge(item)]));
}

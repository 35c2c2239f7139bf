/**
 * What the fake Electron process (the child) and the test driving it (the parent) exchange over
 * Node's IPC channel: records of what the app did, commands from the test, and their replies.
 * Everything here is plain JSON.
 */

/** A menu item as the app built it (`Menu.buildFromTemplate`), without its click handler. */
export interface MenuSnapshot {
  label: string;
  type: string;
  role?: string;
  enabled: boolean;
  submenu?: MenuSnapshot[];
}

/** A NativeImage as a test can check it: empty or not, and the pixel size of each scale. */
export interface ImageSnapshot {
  empty: boolean;
  representations: { scaleFactor: number; width: number; height: number }[];
}

/**
 * One thing that happened, stamped with milliseconds since the fake process started
 * (`performance.now()`; Node's time origin is the process start).
 */
export type FakeRecord = { at: number } &
  /** A call the app made into the fake `electron`, with its arguments made JSON-safe. */
  (
    | { kind: 'call'; api: string; args: unknown[]; beforeReady: boolean }
    /** An event the fake emitted to the app (app, window, webContents, tray, notification…). */
    | { kind: 'event'; source: string; name: string; args: unknown[] }
    /**
     * A page finished loading: its URL, the document's status and response headers (lower-cased
     * names, after the session's webRequest hook), its origin and whether it is a secure context,
     * what its preload exposed, the preload's error if any, and its scripts, stylesheets and
     * modulepreload links: every URL that loaded and what stopped the others.
     */
    | {
        kind: 'page';
        contentsId: number;
        url: string;
        status: number;
        headers: Record<string, string>;
        origin: string;
        secureContext: boolean;
        exposed: string[];
        preloadError?: string;
        scripts: number;
        stylesheets: number;
        modulePreloads: number;
        loaded: string[];
        resourceErrors: string[];
      }
    /** The fake's own start-up is done and it imports the app's main module; then that module settled. */
    | { kind: 'lifecycle'; phase: 'main-import' | 'main-settled' }
    /** A message main delivered to a page (`webContents.send`) or a page sent to main; envelope only. */
    | {
        kind: 'page-message';
        direction: 'to-page' | 'to-main';
        contentsId: number;
        /** Each loaded document gets its own id: a reload starts a new page. */
        pageId: number;
        channel: string;
        type?: string;
        id?: string;
        name?: string;
      }
    /** A push a page-side subscription received (`page.subscribe`). */
    | { kind: 'page-push'; key: string; ok: boolean; count?: number }
    /** An event the page received through `window.rapport.on` (`page.listen`). */
    | { kind: 'page-event'; name: string; payload: unknown }
    | { kind: 'uncaught'; message: string }
    | { kind: 'exit'; code: number }
  );

/** Commands the test sends; each gets exactly one reply. */
export type Command =
  /** Calls `window.rapport.<area>.<method>(input)` in the window's page. */
  | { name: 'page.request'; channel: string; input: unknown }
  /** Subscribes from the page; every pushed result becomes a `page-push` record under `key`. */
  | { name: 'page.subscribe'; channel: string; input: unknown; key: string }
  /** Listens to a push event in the page; each becomes a `page-event` record. */
  | { name: 'page.listen'; event: string }
  /** Sends a raw message on an IPC channel from the main frame, or from a subframe at `frameUrl`. */
  | { name: 'page.sendRaw'; channel: string; message: unknown; frameUrl?: string }
  /**
   * What the page's running scripts would load: `module` as `import()`, `stylesheet` as an inserted
   * `<link>`, `fetch` as `fetch()`; `url` is resolved against the page. Replies with a `LoadOutcome`
   * (subresources.ts): the status and type, every URL that loaded, and the errors.
   */
  | { name: 'page.load'; url: string; as: 'script' | 'module' | 'stylesheet' | 'fetch' }
  | { name: 'page.reload' }
  /** A navigation the page starts (a link, a form, `location =`), on any web contents. */
  | { name: 'contents.navigate'; contentsId?: number; url: string; redirect?: boolean }
  | { name: 'contents.windowOpen'; contentsId?: number; url: string }
  | { name: 'contents.attachWebview'; contentsId?: number }
  /** A file dragged from the desktop and dropped on the page. */
  | { name: 'contents.dropFile'; contentsId?: number; path: string }
  /** Creates web contents outside any window (as a webview or DevTools would). */
  | { name: 'contents.create' }
  | { name: 'session.checkPermission'; permission: string; origin: string }
  | { name: 'session.requestPermission'; permission: string }
  | { name: 'session.receiveHeaders'; url: string }
  /** Clicks a tray menu item found by its labels, e.g. ['Quit'] or ['Ada Lovelace', 'Open']. */
  | { name: 'tray.clickMenuItem'; path: string[] }
  /** The user closes the window (its close button). */
  | { name: 'window.close' }
  /** The user presses a system-wide shortcut (an Electron accelerator) anywhere on the desktop. */
  | { name: 'os.pressShortcut'; accelerator: string }
  | { name: 'powerMonitor.emit'; event: string };

export type ParentMessage = { type: 'command'; id: number; command: Command };
export type ChildMessage =
  | { type: 'record'; record: FakeRecord }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: string };

/** How the driver configures the fake for one launch (passed in an environment variable). */
export interface FakeRuntimeOptions {
  /** `process.versions.electron`; the installed electron package's version by default. */
  electronVersion: string;
  /** Built-in modules this simulated Electron lacks (`node:sqlite`), to test the start-up check. */
  missingBuiltins: string[];
  /** `app.isPackaged`: true for a run from an extracted app.asar. */
  packaged: boolean;
  /**
   * Fuses as electron-builder.yml's `electronFuses` names them, for a run that stands in for the
   * packaged binary; unset fuses keep Electron's defaults.
   */
  fuses: Record<string, boolean>;
}
export const RUNTIME_OPTIONS_ENV = 'FAKE_ELECTRON_OPTIONS';

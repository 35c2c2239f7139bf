import { FakeApp, type AppHost } from './app.ts';
import { FakeBrowserWindow, type WindowHost, type WindowOptions } from './browser-window.ts';
import { FakeMenu, FakeTray } from './menu-tray.ts';
import { FakeNativeImage, nativeImage } from './native-image.ts';
import { Recorder } from './recorder.ts';
import { moduleProtocol, SchemeRegistry } from './schemes.ts';
import { FakeIpcMain, FakeSession } from './session.ts';
import {
  createDialog,
  createGlobalShortcut,
  createPowerMonitor,
  createSafeStorage,
  createShell,
  FakeNotification,
  strict,
  type NotificationOptions,
} from './system.ts';
import type { FakeWebContents } from './web-contents.ts';

export type RuntimeOptions = Omit<AppHost, 'recorder' | 'windows'> & {
  /** Electron's grantFileProtocolExtraPrivileges fuse (on unless the packaged app flips it). */
  fileProtocolPrivileges?: boolean;
};

/**
 * One simulated Electron main process: the modules the app imports from `electron`, sharing one
 * recorder, one `app`, one default session and the list of windows.
 */
export function createFakeElectron(options: RuntimeOptions) {
  const recorder = new Recorder(() => app.isReady());
  const windows = new Set<FakeBrowserWindow>();
  const trays = new Set<FakeTray>();
  const allContents = new Set<FakeWebContents>();
  const app: FakeApp = new FakeApp({ ...options, recorder, windows: () => [...windows] });
  const ipcMain = new FakeIpcMain(recorder);
  const defaultSession = new FakeSession(recorder);
  const schemes = new SchemeRegistry();
  const host: WindowHost = {
    recorder,
    app,
    session: defaultSession,
    ipcMain,
    allContents,
    windows,
    schemes,
    fileProtocolPrivileges: options.fileProtocolPrivileges ?? true,
  };
  const roles = { quit: () => app.quit() };

  class BrowserWindow extends FakeBrowserWindow {
    constructor(windowOptions?: WindowOptions) {
      super(host, windowOptions);
    }
    static getAllWindows = () => [...windows];
    static fromWebContents = (contents: FakeWebContents) =>
      [...windows].find((window) => window.webContents === contents) ?? null;
  }

  class Tray extends FakeTray {
    constructor(image: FakeNativeImage | string) {
      super(recorder, app.isReady(), image);
      trays.add(this);
    }
  }

  class Notification extends FakeNotification {
    constructor(notificationOptions?: NotificationOptions) {
      super(recorder, notificationOptions);
    }
    static isSupported = () => true;
  }

  class Menu extends FakeMenu {
    static buildFromTemplate(template: unknown) {
      recorder.call('Menu.buildFromTemplate', [template]);
      return FakeMenu.build(template, roles);
    }
  }

  const session = strict('session', {
    get defaultSession() {
      if (!app.isReady()) throw new Error('Session can only be received when app is ready');
      return defaultSession;
    },
  });

  return {
    recorder,
    app,
    BrowserWindow,
    ipcMain,
    session,
    protocol: moduleProtocol(
      recorder,
      schemes,
      () => app.isReady(),
      () => defaultSession.protocol,
    ),
    Tray,
    Menu,
    Notification,
    nativeImage: strict('nativeImage', nativeImage),
    dialog: createDialog(recorder),
    globalShortcut: createGlobalShortcut(recorder, () => app.isReady()),
    shell: createShell(recorder),
    powerMonitor: createPowerMonitor(recorder),
    safeStorage: createSafeStorage(
      recorder,
      () => app.isReady(),
      () => app.name,
    ),
    webContents: strict('webContents', {
      getAllWebContents: () => [...allContents],
      fromId: (id: number) => [...allContents].find((contents) => contents.id === id),
    }),
    /** For the fake's control channel (control.ts): what a user or the OS would act on. */
    internals: { host, defaultSession, windows, trays, allContents },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

let installed: FakeElectron | undefined;

/** Called once by the fake's executable, before the app's main module is imported. */
export function install(options: RuntimeOptions): FakeElectron {
  installed = createFakeElectron(options);
  return installed;
}

/** The fake the `electron` module hands out in this process. */
export function current(): FakeElectron {
  if (!installed) throw new Error('fake electron: start the app with test/fake-electron/bin.ts');
  return installed;
}

import { vi } from 'vitest';

/**
 * A small stand-in for the parts of `electron` the shell uses, for `vi.mock('electron', ...)`.
 * It records what the shell asked for so tests can check options, menus and handlers.
 */
export function createElectronMock() {
  const ipcListeners = new Map<string, ((...args: unknown[]) => void)[]>();
  class FakeEmitter {
    listeners = new Map<string, ((...args: unknown[]) => void)[]>();
    on(name: string, fn: (...args: unknown[]) => void) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
      return this;
    }
    once(name: string, fn: (...args: unknown[]) => void) {
      return this.on(name, fn);
    }
    emit(name: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(name) ?? []) fn(...args);
    }
  }
  class FakeWebContents extends FakeEmitter {
    mainFrame = { url: 'app://rapport/index.html' };
    sent: unknown[][] = [];
    send(...args: unknown[]) {
      this.sent.push(args);
    }
    setWindowOpenHandler = vi.fn();
  }
  class BrowserWindow extends FakeEmitter {
    static created: BrowserWindow[] = [];
    webContents = new FakeWebContents();
    destroyed = false;
    hidden = false;
    options: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      BrowserWindow.created.push(this);
    }
    isDestroyed() {
      return this.destroyed;
    }
    hide() {
      this.hidden = true;
    }
    show() {
      this.hidden = false;
    }
    focus() {}
    isMinimized() {
      return false;
    }
    restore() {}
  }
  class Tray extends FakeEmitter {
    static created: Tray[] = [];
    tooltip = '';
    menu: unknown = null;
    icon: unknown;
    constructor(icon: unknown) {
      super();
      this.icon = icon;
      Tray.created.push(this);
    }
    setToolTip(text: string) {
      this.tooltip = text;
    }
    setContextMenu(menu: unknown) {
      this.menu = menu;
    }
  }
  return {
    BrowserWindow,
    Tray,
    FakeWebContents,
    Menu: { buildFromTemplate: vi.fn((template: unknown[]) => ({ template })) },
    Notification: Object.assign(
      vi.fn(() => ({ show: vi.fn() })),
      { isSupported: () => true },
    ),
    shell: { openExternal: vi.fn(async () => {}) },
    protocol: { registerSchemesAsPrivileged: vi.fn() },
    ipcMain: {
      on: vi.fn((channel: string, fn: (...args: unknown[]) => void) =>
        ipcListeners.set(channel, [...(ipcListeners.get(channel) ?? []), fn]),
      ),
      removeListener: vi.fn((channel: string, fn: (...args: unknown[]) => void) =>
        ipcListeners.set(
          channel,
          (ipcListeners.get(channel) ?? []).filter((f) => f !== fn),
        ),
      ),
      emit: (channel: string, ...args: unknown[]) => ipcListeners.get(channel)?.forEach((fn) => fn(...args)),
    },
  };
}

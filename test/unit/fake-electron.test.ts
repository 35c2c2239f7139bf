import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pathToFileURL } from 'node:url';
import { electronEvent } from '../fake-electron/events.ts';
import { createFakeElectron } from '../fake-electron/runtime.ts';
import { checkSubresources } from '../fake-electron/subresources.ts';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function start(ready = true) {
  const appDir = mkdtempSync(join(tmpdir(), 'fake-electron-'));
  folders.push(appDir);
  const terminate = vi.fn();
  const electron = createFakeElectron({
    appDir,
    packageJson: { name: 'demo', productName: 'Demo', version: '1.2.3' },
    packaged: false,
    argv: [],
    terminate,
  });
  if (ready) electron.app.markReady();
  const names = () =>
    electron.recorder.records.flatMap((record) =>
      record.kind === 'event' && record.source === 'app' ? [record.name] : [],
    );
  return { electron, appDir, terminate, names };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the fake app lifecycle (Electron’s documented order)', () => {
  it('quits in order: before-quit, each window’s close, will-quit, quit', async () => {
    const { electron, terminate, names } = start();
    const window = new electron.BrowserWindow({ show: false });
    const closed = vi.fn();
    window.on('closed', closed);
    electron.app.quit();
    await flush();
    expect(names().filter((name) => /quit/.test(name))).toEqual(['before-quit', 'will-quit', 'quit']);
    expect(closed).toHaveBeenCalled();
    expect(terminate).toHaveBeenCalledWith(0);
  });

  it('a window that prevents close cancels the quit; a prevented will-quit keeps the app running', async () => {
    const { electron, terminate, names } = start();
    const window = new electron.BrowserWindow();
    window.on('close', (event: { preventDefault(): void }) => event.preventDefault());
    electron.app.quit();
    await flush();
    expect(names()).not.toContain('will-quit');
    window.removeAllListeners('close');
    electron.app.on('will-quit', (event: { preventDefault(): void }) => event.preventDefault());
    electron.app.quit();
    await flush();
    expect(names()).toContain('will-quit');
    expect(terminate).not.toHaveBeenCalled();
    electron.app.exit(3);
    await flush();
    expect(terminate).toHaveBeenCalledWith(3);
  });

  it('exit() closes windows without before-quit or will-quit', () => {
    const { electron, names } = start();
    new electron.BrowserWindow();
    electron.app.exit(0);
    expect(names()).not.toContain('before-quit');
    expect(names()).toContain('quit');
    expect(electron.BrowserWindow.getAllWindows()).toEqual([]);
  });

  it('refuses windows and trays before ready, and enableSandbox after it', () => {
    const early = start(false).electron;
    expect(() => new early.BrowserWindow()).toThrow('Cannot create BrowserWindow before app is ready');
    expect(() => new early.Tray(early.nativeImage.createEmpty())).toThrow('Cannot create Tray before app is ready');
    expect(() => early.session.defaultSession).toThrow(/when app is ready/);
    const { electron } = start();
    expect(() => electron.app.enableSandbox()).toThrow('can only be called before app is ready');
  });

  it('names userData after productName and fails loudly on APIs it does not implement', () => {
    const { electron } = start();
    expect(electron.app.getPath('userData')).toMatch(/[/\\]Demo$/);
    expect(() => electron.app.setPath('userData', 'relative')).toThrow('Path must be absolute');
    expect(() => (electron.dialog as unknown as Record<string, unknown>).showMessageBox).toThrow(/not implemented/);
  });
});

describe('the fake renderer', () => {
  it('runs a sandboxed preload: only electron, events, timers and url can be required', async () => {
    const { electron, appDir } = start();
    const preload = join(appDir, 'preload.cjs');
    writeFileSync(
      preload,
      `const { contextBridge } = require('electron'); require('events');
       let fs = 'blocked'; try { require('fs'); fs = 'loaded'; } catch (e) { fs = e.message; }
       contextBridge.exposeInMainWorld('probe', { fs, add: async (a, b) => a + b });`,
    );
    writeFileSync(join(appDir, 'index.html'), '<!doctype html>');
    const window = new electron.BrowserWindow({ webPreferences: { preload } });
    await window.loadFile(join(appDir, 'index.html'));
    const probe = window.webContents.page!.mainWorld.probe as {
      fs: string;
      add(a: number, b: number): Promise<number>;
    };
    expect(probe.fs).toBe('module not found: fs');
    expect(await probe.add(2, 3)).toBe(5);
  });

  it('loads the page without the API when the preload is missing, and reports preload-error', async () => {
    const { electron, appDir } = start();
    writeFileSync(join(appDir, 'index.html'), '<!doctype html>');
    const window = new electron.BrowserWindow({ webPreferences: { preload: join(appDir, 'nope.cjs') } });
    const failed = vi.fn();
    window.webContents.on('preload-error', failed);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await window.loadFile(join(appDir, 'index.html'));
    expect(failed).toHaveBeenCalled();
    expect(window.webContents.page!.exposed).toEqual([]);
    await expect(window.loadFile(join(appDir, 'missing.html'))).rejects.toThrow(/ERR_FILE_NOT_FOUND \(-6\)/);
  });

  it('gives a message from a page that has since navigated no senderFrame', async () => {
    const { electron, appDir } = start();
    writeFileSync(join(appDir, 'index.html'), '<!doctype html>');
    const window = new electron.BrowserWindow();
    await window.loadFile(join(appDir, 'index.html'));
    const frame = window.webContents.mainFrame;
    const events: { senderFrame: unknown }[] = [];
    electron.ipcMain.on('ping', (event) => events.push(event as { senderFrame: unknown }));
    window.webContents.deliverToMain(frame, 'ping', []);
    await window.loadFile(join(appDir, 'index.html'));
    expect(events[0]!.senderFrame).toBeNull();
  });
});

describe("the fake page's scripts and stylesheets", () => {
  const page = (appDir: string, html: string) => {
    writeFileSync(join(appDir, 'index.html'), html);
    writeFileSync(join(appDir, 'app.js'), '');
    return pathToFileURL(join(appDir, 'index.html')).href;
  };

  it('refuses module scripts and crossorigin requests to file: without file:// privileges, as Chromium does', () => {
    const { appDir } = start();
    const url = page(
      appDir,
      '<script type="module" crossorigin src="./app.js"></script><link rel="stylesheet" crossorigin href="./app.css">',
    );
    expect(checkSubresources(url, true)).toEqual({
      scripts: 1,
      stylesheets: 1,
      errors: [expect.stringMatching(/ERR_FILE_NOT_FOUND .*app\.css$/)],
    });
    expect(checkSubresources(url, false).errors).toEqual([
      expect.stringMatching(
        /^Access to script at 'file:.*app\.js' from origin 'null' has been blocked by CORS policy$/,
      ),
      expect.stringMatching(/^Access to stylesheet at/),
    ]);
  });

  it('loads a classic deferred script either way', () => {
    const { appDir } = start();
    expect(checkSubresources(page(appDir, '<script defer src="./app.js"></script>'), false)).toEqual({
      scripts: 1,
      stylesheets: 0,
      errors: [],
    });
  });
});

describe('fake menus, images and storage', () => {
  it('performs a menu item’s role instead of its click, and validates templates', async () => {
    const { electron, names } = start();
    const click = vi.fn();
    const tray = new electron.Tray(electron.nativeImage.createEmpty());
    tray.setContextMenu(electron.Menu.buildFromTemplate([{ label: 'Quit', role: 'quit', click }]));
    tray.pick(['Quit']);
    await flush();
    expect(click).not.toHaveBeenCalled();
    expect(names()).toContain('before-quit');
    expect(() => electron.Menu.buildFromTemplate([{ click }])).toThrow(/must have at least one of label, role or type/);
    tray.destroy();
    expect(() => tray.setToolTip('x')).toThrow('Object has been destroyed');
  });

  it('gives an empty image for a missing file, as Electron does', () => {
    const { electron } = start();
    expect(electron.nativeImage.createFromPath('/nowhere/icon.png').isEmpty()).toBe(true);
  });

  it('encrypts with safeStorage only once ready', () => {
    expect(() => start(false).electron.safeStorage.encryptString('x')).toThrow(/Encryption is not available/);
    const { electron } = start();
    expect(electron.safeStorage.decryptString(electron.safeStorage.encryptString('secret'))).toBe('secret');
    expect(electronEvent({ a: 1 }).defaultPrevented).toBe(false);
  });
});

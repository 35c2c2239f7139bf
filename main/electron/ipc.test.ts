import { describe, expect, it, vi } from 'vitest';
import type { Core } from '../core/core.ts';

const electron = vi.hoisted(() => ({}) as ReturnType<typeof import('./electron-mock.ts').createElectronMock>);
vi.mock('electron', async () => Object.assign(electron, (await import('./electron-mock.ts')).createElectronMock()));

const { connectWindow, isTrustedSender } = await import('./ipc.ts');
const { APP_ORIGIN } = await import('./app-protocol.ts');

function fakeCore() {
  const received: unknown[] = [];
  const core = {
    connect: vi.fn(() => ({ receive: (m: unknown) => received.push(m), close: vi.fn() })),
  } as unknown as Core;
  return { core, received };
}
const newWindow = () => new electron.BrowserWindow({}) as never as import('electron').BrowserWindow;

describe('IPC sender check', () => {
  it('accepts the top-level frame of our window on the app origin', () => {
    const window = newWindow();
    expect(
      isTrustedSender(
        { sender: window.webContents, senderFrame: window.webContents.mainFrame } as never,
        window,
        APP_ORIGIN,
      ),
    ).toBe(true);
  });

  it('rejects a subframe, another window, a foreign origin, and a destroyed window', () => {
    const window = newWindow();
    const other = newWindow();
    const main = window.webContents.mainFrame;
    expect(
      isTrustedSender({ sender: window.webContents, senderFrame: { url: main.url } } as never, window, APP_ORIGIN),
    ).toBe(false);
    expect(
      isTrustedSender(
        { sender: other.webContents, senderFrame: other.webContents.mainFrame } as never,
        window,
        APP_ORIGIN,
      ),
    ).toBe(false);
    (main as { url: string }).url = 'https://evil.example/';
    expect(isTrustedSender({ sender: window.webContents, senderFrame: main } as never, window, APP_ORIGIN)).toBe(false);
    (main as { url: string }).url = 'app://rapport/index.html';
    (window as unknown as { destroyed: boolean }).destroyed = true;
    expect(isTrustedSender({ sender: window.webContents, senderFrame: main } as never, window, APP_ORIGIN)).toBe(false);
  });

  it('compares scheme and host: file: pages, other app hosts and ports are not the app', () => {
    const window = newWindow();
    const main = window.webContents.mainFrame as { url: string };
    const trusted = (url: string, origin = APP_ORIGIN) => {
      main.url = url;
      return isTrustedSender({ sender: window.webContents, senderFrame: main } as never, window, origin);
    };
    expect(trusted('app://rapport/index.html#/people')).toBe(true);
    for (const url of [
      'file:///app/out/renderer/index.html',
      'app://other/index.html',
      'app://rapport:8080/index.html',
      'http://rapport/index.html',
      'not a url',
    ])
      expect(trusted(url), url).toBe(false);
    // The dev server (ELECTRON_RENDERER_URL) is an http origin with its port.
    expect(trusted('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(trusted('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });

  it('passes trusted messages to the core and drops a foreign sender', () => {
    const window = newWindow();
    const stranger = newWindow();
    const { core, received } = fakeCore();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    connectWindow(core, window, APP_ORIGIN);
    const message = { type: 'request', id: '1', channel: 'app.info', input: {} };
    electron.ipcMain.emit(
      'rapport',
      { sender: stranger.webContents, senderFrame: stranger.webContents.mainFrame },
      message,
    );
    expect(received).toEqual([]);
    electron.ipcMain.emit(
      'rapport',
      { sender: window.webContents, senderFrame: window.webContents.mainFrame },
      message,
    );
    expect(received).toEqual([message]);
  });

  it('stops listening when disconnected', () => {
    const window = newWindow();
    const { core, received } = fakeCore();
    const disconnect = connectWindow(core, window, APP_ORIGIN);
    disconnect();
    electron.ipcMain.emit(
      'rapport',
      { sender: window.webContents, senderFrame: window.webContents.mainFrame },
      { type: 'unsubscribe', id: '1' },
    );
    expect(received).toEqual([]);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({}) as ReturnType<typeof import('./electron-mock.ts').createElectronMock>);
vi.mock('electron', async () => Object.assign(electron, (await import('./electron-mock.ts')).createElectronMock()));

const { createMainWindow } = await import('./window.ts');

describe('createMainWindow', () => {
  const onHideToTray = vi.fn();
  let quitting = false;
  const open = () =>
    createMainWindow({
      preloadPath: '/app/preload.cjs',
      icon: '/app/icon.png',
      onHideToTray,
      isQuitting: () => quitting,
    });
  beforeEach(() => {
    quitting = false;
    onHideToTray.mockClear();
  });

  it('turns on context isolation and the sandbox, and turns off Node in the page', () => {
    const window = open() as unknown as { options: { webPreferences: Record<string, unknown> } };
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });

  it('hides to the tray on close instead of closing, and tells the shell', () => {
    const window = open() as unknown as { emit: (n: string, e: unknown) => void; hidden: boolean };
    const event = { preventDefault: vi.fn() };
    window.emit('close', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(window.hidden).toBe(true);
    expect(onHideToTray).toHaveBeenCalledOnce();
  });

  it('really closes once the app is quitting', () => {
    const window = open() as unknown as { emit: (n: string, e: unknown) => void; hidden: boolean };
    quitting = true;
    const event = { preventDefault: vi.fn() };
    window.emit('close', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(onHideToTray).not.toHaveBeenCalled();
  });
});

/**
 * The desktop app's composition root: single instance, the core on userData, one window, the tray.
 * Everything here adapts Electron to the core; no feature logic lives in main/electron.
 */
import { app, dialog, globalShortcut, nativeImage, session } from 'electron';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openCore, type Core } from '../core/core.ts';
import { DataDirLockedError } from '../core/data-dir/lock.ts';
import appIconPath from '../../build/icons/icon.png?asset';
import trayIconPath from '../../build/icons/tray.png?asset';
import trayIcon2xPath from '../../build/icons/tray@2x.png?asset';
import { APP_ORIGIN, APP_PAGE_URL, registerAppScheme, serveAppScheme } from './app-protocol.ts';
import { registerCaptureShortcut } from './capture-shortcut.ts';
import { createCloseNotice } from './close-notice.ts';
import { launchedHidden } from './login-item.ts';
import { createElectronNotifier } from './notifier.ts';
import { connectReminders } from './reminders.ts';
import { detectTray } from './reminders-tray.ts';
import { connectWindow } from './ipc.ts';
import { installAppWideLockdown, lockDownSession } from './security.ts';
import { createTray } from './tray.ts';
import { createMainWindow, showWindow } from './window.ts';
import { createKeychainSecretStore } from './secret-store.ts';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;

// RAPPORT_DATA_DIR keeps data somewhere else (a portable install, a test); set before the lock,
// which lives in userData.
if (process.env.RAPPORT_DATA_DIR) app.setPath('userData', process.env.RAPPORT_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  registerAppScheme();
  installAppWideLockdown(app);
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[rapport] Could not start:', error);
      app.exit(1);
    });
}

async function start(): Promise<void> {
  lockDownSession(session.defaultSession);
  // The built renderer; the dev server (ELECTRON_RENDERER_URL) serves its own.
  if (!devServerUrl) serveAppScheme(session.defaultSession, fileURLToPath(new URL('../renderer/', import.meta.url)));
  let quitting = false;
  app.on('before-quit', () => (quitting = true));

  const dataDir = app.getPath('userData');
  // Windows shows notifications only for an app with a user model id.
  app.setAppUserModelId('app.rapport.desktop');
  let openTarget: (target: { personId?: string }) => void = () => {};
  const notifier = createElectronNotifier((target) => openTarget(target));
  notifier.setTrayAvailable(detectTray(process.platform, process.env));
  let core: Core;
  try {
    const secrets = await createKeychainSecretStore(dataDir);
    core = await openCore({ dataDir, mode: 'desktop', version: app.getVersion(), notifier, secrets, jobs: true });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      dialog.showErrorBox(
        'Rapport is already open',
        `${error.message}\n\nClose the other Rapport (or its browser mode) and start again.`,
      );
      app.exit(1);
      return;
    }
    // Never a stack trace for the user: what happened, in words, then quit without touching the data.
    console.error('[rapport] Opening the data folder failed:', error);
    dialog.showErrorBox('Rapport cannot open its data folder', (error as Error).message);
    app.exit(1);
    return;
  }

  const window = createMainWindow({
    preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
    icon: appIconPath,
    onHideToTray: createCloseNotice(dataDir),
    isQuitting: () => quitting,
    startHidden: launchedHidden(process.argv, app.getLoginItemSettings().wasOpenedAtLogin),
  });
  const disconnect = connectWindow(core, window, devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN);
  await window.loadURL(devServerUrl ?? APP_PAGE_URL);

  const icon = nativeImage.createFromPath(trayIconPath);
  icon.addRepresentation({ scaleFactor: 2, buffer: readFileSync(trayIcon2xPath) });
  const tray = createTray(icon, { open: () => showWindow(window), quit: () => app.quit() });
  openTarget = ({ personId }) => {
    showWindow(window);
    core.emit('reminders.open', personId ? { personId } : {});
  };
  const disconnectReminders = connectReminders(core, window, tray, notifier);
  const releaseShortcut = registerCaptureShortcut(globalShortcut, () => {
    showWindow(window);
    core.emit('events.openCapture', {});
  });

  app.on('second-instance', () => showWindow(window));
  app.on('activate', () => showWindow(window));
  // The window only hides on close, so this fires only after Quit.
  app.on('window-all-closed', () => {});
  app.on('will-quit', (event) => {
    event.preventDefault();
    disconnectReminders();
    releaseShortcut();
    disconnect();
    tray.destroy();
    void core.close().finally(() => app.exit(0));
  });
}

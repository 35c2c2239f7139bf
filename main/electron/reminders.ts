import { app, powerMonitor, type BrowserWindow, type Tray } from 'electron';
import type { Core } from '../core/core.ts';
import type { Notifier } from '../core/ports.ts';
import { applyOpenAtLogin } from './login-item.ts';
import { connectReminderTray } from './reminders-tray.ts';
import { setTrayMenu } from './tray.ts';
import { showWindow } from './window.ts';

/**
 * Joins the reminder service to the desktop: the tray menu and badge follow who is due, the
 * service re-plans after sleep or a screen unlock (clock jumps), and the "Open at login" setting
 * is applied to the OS. Returns the function that undoes all of it.
 */
export function connectReminders(core: Core, window: BrowserWindow, tray: Tray | null, notifier: Notifier): () => void {
  const stopTray = connectReminderTray({
    core,
    tray: tray ? { setMenu: (menu, tooltip) => setTrayMenu(tray, menu, tooltip) } : null,
    app,
    show: () => showWindow(window),
    // Without notifications, the window at least comes up, on Today as it stands.
    notify: (failure) =>
      notifier.supported
        ? notifier.notify({ ...failure, tag: 'tray-action-failed', open: { screen: 'today' } })
        : showWindow(window),
  });
  const wake = () => void core.request('reminders.wake', {});
  powerMonitor.on('resume', wake);
  powerMonitor.on('unlock-screen', wake);
  const stopLogin = core.watch('reminders.watchSettings', {}, (result) => {
    // A development build must not register the Electron binary itself to start at login.
    if (result.ok && app.isPackaged) void applyOpenAtLogin(app, result.value.openAtLogin).catch(console.error);
  });
  return () => {
    stopTray();
    stopLogin();
    powerMonitor.removeListener('resume', wake);
    powerMonitor.removeListener('unlock-screen', wake);
  };
}

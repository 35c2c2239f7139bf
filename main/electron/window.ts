import { BrowserWindow } from 'electron';
import { SECURE_WEB_PREFERENCES } from './security.ts';

export interface MainWindowOptions {
  preloadPath: string;
  icon: string;
  /** Called instead of closing while the app keeps running in the tray. */
  onHideToTray: () => void;
  isQuitting: () => boolean;
  /** Opened at login: stay in the tray until the user asks for the window. */
  startHidden?: boolean;
}

/** The one Rapport window. Closing it hides it, so reminders keep running; Quit really quits. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Rapport',
    icon: options.icon,
    autoHideMenuBar: true,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: options.preloadPath },
  });
  if (!options.startHidden) window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    window.hide();
    options.onHideToTray();
  });
  return window;
}

export function showWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

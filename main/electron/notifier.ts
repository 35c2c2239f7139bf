import { Notification } from 'electron';
import type { Notification as CoreNotification, Notifier } from '../core/ports.ts';

export type OpenTarget = NonNullable<CoreNotification['open']>;

export interface ElectronNotifier extends Notifier {
  /** Set once the tray exists (or failed to); the Settings screen reports it. */
  setTrayAvailable(available: boolean | undefined): void;
}

/**
 * Adapts Electron's Notification to the core's Notifier port. A click calls `onOpen` with what
 * the notification is about (the shell shows the window and the person). Shown notifications
 * are kept referenced until closed or clicked: Electron drops click handlers of notifications
 * that were garbage-collected. A new notification with the same tag replaces the old one.
 *
 * The text comes from the core, which never puts detail text in a notification; this adapter
 * adds nothing to it.
 */
export function createElectronNotifier(onOpen: (target: OpenTarget) => void): ElectronNotifier {
  const live = new Map<string, Notification>();
  let tray: boolean | undefined;
  let counter = 0;
  return {
    get supported() {
      return Notification.isSupported();
    },
    get trayAvailable() {
      return tray;
    },
    setTrayAvailable(available) {
      tray = available;
    },
    notify(notification) {
      if (!Notification.isSupported()) return;
      const key = notification.tag ?? `untagged-${++counter}`;
      live.get(key)?.close();
      const shown = new Notification({ title: notification.title, body: notification.body, silent: false });
      const forget = () => {
        if (live.get(key) === shown) live.delete(key);
      };
      shown.on('click', () => {
        forget();
        onOpen(notification.open ?? { screen: 'today' });
      });
      shown.on('close', forget);
      live.set(key, shown);
      shown.show();
    },
  };
}

/**
 * Small interfaces the core needs from its host. The Electron shell adapts Electron's APIs to
 * them; browser mode and tests pass their own or none.
 */

export interface Notification {
  title: string;
  body: string;
  /** Replaces an earlier notification with the same tag instead of stacking. */
  tag?: string;
  /** What a click on the notification opens. */
  open?: { screen: 'today' | 'people'; personId?: string };
}

export interface Notifier {
  /** Whether the desktop can show notifications at all. */
  readonly supported: boolean;
  /**
   * Whether the shell shows a tray icon (false on Linux desktops without AppIndicator, where
   * notifications alone carry reminders). Undefined when the host has no notion of a tray.
   */
  readonly trayAvailable?: boolean;
  notify(notification: Notification): void;
}

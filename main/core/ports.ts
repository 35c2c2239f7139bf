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

/**
 * Where sync keeps its password and key. The Electron shell encrypts them with the OS keychain
 * (safeStorage); browser mode and tests keep them in memory, so they are asked for again after a restart.
 */
export interface SecretStore {
  /** Whether what is written survives a restart. */
  readonly persistent: boolean;
  read(name: string): Promise<string | undefined>;
  write(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

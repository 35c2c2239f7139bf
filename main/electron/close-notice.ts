import { Notification } from 'electron';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The first time the window is closed, say once that Rapport is still running in the tray.
 * A marker file in the data folder remembers that the notice was shown.
 */
export function createCloseNotice(dataDir: string): () => void {
  const marker = join(dataDir, '.shown-tray-notice');
  return () => {
    if (existsSync(marker)) return;
    writeFileSync(marker, new Date().toISOString());
    if (!Notification.isSupported()) return;
    new Notification({
      title: 'Rapport is still running',
      body: 'It stays in the tray so your keep-in-touch reminders can arrive. Choose Quit from the tray icon to stop it.',
    }).show();
  };
}

import type { ConnectionStatus } from './browser-link.ts';

const WORDS: Partial<Record<ConnectionStatus, string>> = {
  lost: 'Lost the connection to Rapport. Reconnecting…',
  refused:
    'This tab was opened from an earlier start of Rapport. Open the link the server printed when it started again.',
};

/**
 * Browser mode's connection, said above the app when it is lost or refused: in an element of its
 * own with the `alert` role, so a screen reader says it too (text a stylesheet adds is not
 * announced), outside React's root so that it shows whatever the app is doing.
 */
export function showConnection(status: ConnectionStatus): void {
  let banner = document.getElementById('connection-banner');
  if (status === 'open') return void banner?.remove();
  const words = WORDS[status];
  // Each retry goes through 'connecting': the banner stays as it is, said once, not at every retry.
  if (!words) return;
  if (!banner) {
    banner = document.createElement('div');
    banner.id = 'connection-banner';
    banner.setAttribute('role', 'alert');
    document.body.prepend(banner);
  }
  if (banner.textContent !== words) banner.textContent = words;
}

import { ipcMain, type BrowserWindow, type IpcMainEvent } from 'electron';
import { IPC_CHANNEL, type ServerMessage } from '../../shared/ipc/wire.ts';
import type { Core } from '../core/core.ts';
import type { Session } from '../core/ipc/session.ts';

/**
 * Accepts messages only from the top-level frame of our own window, loaded from our own origin:
 * an iframe, another window or a page that somehow navigated elsewhere is ignored.
 */
export function isTrustedSender(
  event: Pick<IpcMainEvent, 'sender' | 'senderFrame'>,
  window: BrowserWindow,
  expectedOrigin: string,
): boolean {
  const frame = event.senderFrame;
  if (!frame || window.isDestroyed() || event.sender !== window.webContents) return false;
  if (frame !== window.webContents.mainFrame) return false;
  return originOf(frame.url) === expectedOrigin;
}

/**
 * Scheme and host, as Chromium names the origin of an http(s) page or of a page on a scheme
 * registered as standard (app://rapport). Node's URL says "null" for every scheme it does not
 * know as special, so `URL.origin` cannot be used for app:.
 */
function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '';
  }
}

/** Connects one window to the core over the single `rapport` channel. Returns the disposer. */
export function connectWindow(core: Core, window: BrowserWindow, expectedOrigin: string): () => void {
  const send = (message: ServerMessage) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_CHANNEL, message);
  };
  let session: Session = core.connect(send);
  const onMessage = (event: IpcMainEvent, message: unknown) => {
    if (!isTrustedSender(event, window, expectedOrigin)) {
      console.warn(`[rapport] Ignored IPC from an untrusted sender: ${event.senderFrame?.url ?? 'unknown frame'}`);
      return;
    }
    session.receive(message);
  };
  ipcMain.on(IPC_CHANNEL, onMessage);
  // A reload starts a new page with new subscriptions; drop the old page's live queries.
  window.webContents.on('did-start-navigation', (details) => {
    if (!details.isMainFrame || details.isSameDocument) return;
    session.close();
    session = core.connect(send);
  });
  return () => {
    ipcMain.removeListener(IPC_CHANNEL, onMessage);
    session.close();
  };
}

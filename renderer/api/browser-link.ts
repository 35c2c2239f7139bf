import { createClient, type Link } from '../../shared/ipc/client.ts';
import type { ClientMessage, ServerMessage } from '../../shared/ipc/wire.ts';

const TOKEN_KEY = 'rapport.token';
/** `refused`: the server answers but turns the bridge down, so this tab's token is from an earlier start. */
export type ConnectionStatus = 'connecting' | 'open' | 'lost' | 'refused';

/**
 * Browser mode only: reads the launch token from the URL fragment (kept for this tab in
 * sessionStorage, so a reload still works), then opens the same-origin WebSocket bridge and
 * installs `window.rapport` over it. Reconnects with backoff if the server restarts.
 */
export function installBrowserBridge(onStatus: (status: ConnectionStatus) => void = () => {}): void {
  const token = readToken();
  let socket: WebSocket | null = null;
  let queue: ClientMessage[] = [];
  let delay = 250;
  const messageListeners: ((m: ServerMessage) => void)[] = [];
  const reconnectListeners: (() => void)[] = [];
  let everOpened = false;
  /** Connections closed since one last opened, and whether the server is known to refuse them. */
  let failures = 0;
  let refused = false;

  const connect = () => {
    // Refused stays said until a connection opens: retries go on quietly underneath.
    if (!refused) onStatus('connecting');
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge`, [
      'rapport.v1',
      `rapport-token.${token}`,
    ]);
    socket = ws;
    ws.onopen = () => {
      delay = 250;
      failures = 0;
      refused = false;
      onStatus('open');
      if (everOpened) reconnectListeners.forEach((l) => l());
      everOpened = true;
      for (const message of queue) ws.send(JSON.stringify(message));
      queue = [];
    };
    ws.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as ServerMessage;
      messageListeners.forEach((l) => l(message));
    };
    ws.onclose = () => {
      failures += 1;
      if (!refused) onStatus('lost');
      // Refused again while the page itself still loads: a restarted server with a new launch token
      // (a browser does not say why a WebSocket was refused), not one that is down.
      if (failures >= 2)
        void fetch(location.pathname, { method: 'HEAD', cache: 'no-store' })
          .then((r) => {
            if (!r.ok || socket?.readyState === WebSocket.OPEN) return;
            refused = true;
            onStatus('refused');
          })
          .catch(() => {});
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 5000);
    };
  };

  const link: Link = {
    send(message) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
      else queue.push(message);
    },
    onMessage: (listener) => void messageListeners.push(listener),
    onReconnect: (listener) => void reconnectListeners.push(listener),
  };
  window.rapport = createClient(link);
  connect();
}

function readToken(): string {
  const match = /(?:^#|&)token=([a-f0-9]+)/.exec(location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', `${location.pathname}${location.search}#/today`);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

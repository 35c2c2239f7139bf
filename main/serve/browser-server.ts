import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../core/core.ts';
import { MAX_MESSAGE_BYTES } from '../../shared/ipc/wire.ts';
import { createStaticHandler } from './static-files.ts';

// Not `import … from 'node:http'`: an ES module import of it builds a facade that reads every
// export, and one of them loads the bundled fetch (undici): 150–200 ms of every start.
const { createServer } = process.getBuiltinModule('node:http');

export const BRIDGE_PATH = '/bridge';
/** The browser sends the token as a WebSocket subprotocol, so it never appears in a URL or log. */
export const TOKEN_PROTOCOL_PREFIX = 'rapport-token.';
export const BRIDGE_PROTOCOL = 'rapport.v1';

export interface BrowserServerOptions {
  core: Core;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Defaults to a fresh random token per launch. */
  token?: string;
}

export interface BrowserServer {
  /** Open this in a browser: the token travels in the fragment, which is never sent to a server. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves the renderer and a WebSocket bridge to the core on 127.0.0.1 only. Every WebSocket must
 * present the launch token, come from this origin (no cross-site pages) and name this host
 * (no DNS rebinding).
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const serveFile = createStaticHandler(options.rendererDir);
  const sockets = new WebSocketServer({
    noServer: true,
    // The client never sends more (large files go as an upload in parts); a bigger frame closes
    // that connection with 1009, and the server carries on.
    maxPayload: MAX_MESSAGE_BYTES,
    // Answer with the protocol name, never echo the token back.
    handleProtocols: (offered) => (offered.has(BRIDGE_PROTOCOL) ? BRIDGE_PROTOCOL : false),
  });
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const http = createServer((req, res) => {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request');
      return;
    }
    serveFile(req, res).catch((error: unknown) => {
      // The page gets a bare 500; the cause goes to the log, where someone can act on it.
      console.error(`[rapport] Serving ${req.url ?? '/'} failed:`, error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = refuseUpgrade(req, allowedHosts(), token);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => attach(ws, options.core));
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (http.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      // A browser's HTTP connection that is not idle (a request still arriving or loading) would
      // hold the close, and a stopping server, for as long as the browser keeps it: seen once as a
      // stop that hung for 30 s. Nothing is served during a close, so they are cut.
      http.closeAllConnections();
      await closed;
    },
  };
}

function refuseUpgrade(req: IncomingMessage, allowedHosts: Set<string>, token: string): string | null {
  const url = new URL(req.url ?? '/', 'http://local');
  if (url.pathname !== BRIDGE_PATH) return '404 Not Found';
  const host = req.headers.host ?? '';
  if (!allowedHosts.has(host)) return '421 Misdirected Request';
  if (req.headers.origin !== `http://${host}`) return '403 Forbidden';
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  const presented = offered.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))?.slice(TOKEN_PROTOCOL_PREFIX.length) ?? '';
  return sameSecret(presented, token) ? null : '401 Unauthorized';
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function attach(ws: WebSocket, core: Core) {
  const session = core.connect((message) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  });
  // A bad frame (oversized, invalid UTF-8, a bad close code) ends this connection, not the server.
  ws.on('error', (error) => {
    console.warn(`[rapport] A browser connection was closed: ${error.message}`);
    ws.terminate();
  });
  ws.on('message', (data, isBinary) => {
    let parsed: unknown;
    try {
      parsed = isBinary ? undefined : JSON.parse(String(data));
    } catch {
      parsed = undefined;
    }
    // The session answers anything it cannot use, so no request waits for ever.
    session.receive(parsed);
  });
  ws.on('close', () => session.close());
}

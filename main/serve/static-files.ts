import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { SECURITY_HEADERS } from './security-headers.ts';

/** What the renderer's files are served as, here and by the desktop app's app: scheme (main/electron). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Serves the built renderer from `root`. Unknown paths get index.html (the app routes by hash);
 * paths that try to leave `root` get 404.
 */
export function createStaticHandler(root: string) {
  const base = normalize(root + sep);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://local').pathname);
    } catch {
      return send(res, 400, 'text/plain', 'Bad request: the address has a malformed escape');
    }
    const file = normalize(join(base, pathname === '/' ? 'index.html' : pathname));
    if (!file.startsWith(base)) return send(res, 404, 'text/plain', 'Not found');
    const body =
      (await readFile(file).catch(() => null)) ??
      (extname(file) ? null : await readFile(join(base, 'index.html')).catch(() => null));
    if (!body) return send(res, 404, 'text/plain', 'Not found');
    const type = CONTENT_TYPES[extname(file)] ?? (extname(file) ? 'application/octet-stream' : CONTENT_TYPES['.html']!);
    send(res, 200, type, req.method === 'HEAD' ? '' : body, file.includes(`${sep}assets${sep}`));
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, immutable = false) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    // Vite fingerprints everything under assets/, so those can be cached forever.
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(body);
}

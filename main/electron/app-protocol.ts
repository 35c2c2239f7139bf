/**
 * The desktop window's page comes from `app://rapport/`, a scheme served from the built renderer
 * folder, instead of `file://`. Electron's security guidance recommends it: a file: page has an
 * opaque origin and, with the grantFileProtocolExtraPrivileges fuse off (electron-builder.yml),
 * Chromium refuses its module scripts and `crossorigin` requests, which the renderer's split
 * bundle is made of; and a file: page may reach every file: URL. Here the page has a real origin
 * ('self' in the CSP, localStorage), and the scheme serves only the renderer folder.
 */
import { protocol, type Session } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { SECURITY_HEADERS } from '../serve/security-headers.ts';
import { CONTENT_TYPES } from '../serve/static-files.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'rapport';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/**
 * Only what the page needs. `standard`: relative URLs resolve and the page gets the tuple origin
 * app://rapport (the CSP's 'self', localStorage). `secure`: a secure context, like https (the
 * clipboard API). `supportFetchAPI`: `fetch()` of the page's own files. Not `corsEnabled`: no
 * other origin may read these files; not `bypassCSP`, service workers, streaming or code cache.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** Must run before `ready`, and only once (Electron's rule). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

/**
 * The file under `root` that an app://rapport URL names, or null: another scheme or host, a
 * malformed escape, a NUL byte or backslash (a separator on Windows, in no built file's name), or
 * a path that leaves `root` (`..`, also written `%2e%2e` or with an escaped slash). The query and
 * fragment are ignored; `/` is index.html.
 */
export function appFilePath(root: string, url: string): string | null {
  let pathname: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (/[\0\\]/.test(pathname)) return null;
  const base = normalize(root + sep);
  const file = normalize(join(base, pathname === '' || pathname === '/' ? 'index.html' : pathname));
  return file.startsWith(base) && file.length > base.length ? file : null;
}

export const contentTypeOf = (file: string): string =>
  CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

const respond = (status: number, type: string, body: BodyInit | null) =>
  new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': type } });

/**
 * The `protocol.handle` handler: GET and HEAD of files under `root`, with browser mode's content
 * types and security headers (the one CSP); 404 for anything else it could name, 405 for other
 * methods. No fallback to index.html: the app routes by the URL fragment.
 */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return respond(405, 'text/plain; charset=utf-8', 'Method not allowed');
    const file = appFilePath(root, request.url);
    // A directory or an unreadable file fails to read: 404 as well.
    const body = file ? await readFile(file).catch(() => null) : null;
    if (!file || !body) return respond(404, 'text/plain; charset=utf-8', 'Not found');
    return respond(200, contentTypeOf(file), request.method === 'HEAD' ? null : body);
  };
}

/** Serves `root` (the built out/renderer) as app://rapport/ to the pages of `session`; after `ready`. */
export function serveAppScheme(session: Session, root: string): void {
  session.protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}

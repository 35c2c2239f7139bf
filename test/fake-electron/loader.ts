import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FakeProtocol, SchemeRegistry } from './schemes.ts';

/** What the request is for, as Chromium's request destination. */
export type Destination = 'document' | 'script' | 'style' | 'fetch';

export interface ResourceRequest {
  url: string;
  destination: Destination;
  /** A CORS-mode request: module scripts, modulepreload, `crossorigin`, `fetch()`. */
  cors?: boolean;
  /** The requesting document's origin (`SchemeRegistry.originOf`); null for a navigation. */
  initiatorOrigin: string | null;
  method?: string;
}

export type Loaded =
  | {
      ok: true;
      url: string;
      status: number;
      statusText: string;
      /** Lower-cased header names, as `Headers` gives them. */
      headers: Record<string, string>;
      contentType: string;
      body: Buffer;
    }
  /** `name` is Chromium's net error (ERR_…); `message` what the page's console would say. */
  | { ok: false; url: string; code: number; name: string; message: string };

export interface LoaderHost {
  schemes: SchemeRegistry;
  /** The session's `protocol.handle` handlers. */
  protocol: FakeProtocol;
  /** Electron's grantFileProtocolExtraPrivileges fuse. */
  fileProtocolPrivileges: boolean;
}

/** What Chromium infers from a file:'s extension (there are no response headers). */
const FILE_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const failed = (url: string, code: number, name: string, message = `net::${name} ${url}`): Loaded => ({
  ok: false,
  url,
  code,
  name,
  message,
});
const noun = (destination: Destination) =>
  ({ document: 'document', script: 'script', style: 'stylesheet', fetch: 'fetch' })[destination];

/**
 * Loads a URL as Chromium would for a page of the fake (there is no network):
 * - `file:`: the file, typed by its extension. Without the file-protocol fuse a CORS-mode request
 *   from a file: page is refused (Chrome's rule), and a page on any other origin may not load
 *   file: URLs at all ("Not allowed to load local resource");
 * - a scheme the session handles (`protocol.handle`): the handler's response. A CORS-mode request
 *   from another origin is refused unless the scheme is `corsEnabled`; `fetch()` needs
 *   `supportFetchAPI`;
 * - http(s) refuses the connection; any other scheme is unknown.
 */
export async function loadResource(host: LoaderHost, request: ResourceRequest): Promise<Loaded> {
  const { url, destination, initiatorOrigin } = request;
  const parsed = URL.parse(url);
  if (!parsed) return failed(url, -300, 'ERR_INVALID_URL');
  const scheme = parsed.protocol.slice(0, -1);
  const crossOrigin = initiatorOrigin !== null && initiatorOrigin !== host.schemes.originOf(url);
  const corsRefused = (reason: string) =>
    failed(
      url,
      -2,
      'ERR_FAILED',
      `Access to ${noun(destination)} at '${url}' from origin '${initiatorOrigin === 'file://' ? 'null' : initiatorOrigin}' ` +
        `has been blocked by CORS policy${reason}`,
    );

  if (scheme === 'file') {
    if (initiatorOrigin !== null && initiatorOrigin !== 'file://')
      return failed(url, -10, 'ERR_ACCESS_DENIED', `Not allowed to load local resource: ${url}`);
    if (request.cors && initiatorOrigin !== null && !host.fileProtocolPrivileges) return corsRefused('');
    const path = fileURLToPath(parsed);
    if (!statSync(path, { throwIfNoEntry: false })?.isFile()) return failed(url, -6, 'ERR_FILE_NOT_FOUND');
    const contentType = FILE_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
    const body = readFileSync(path);
    return { ok: true, url, status: 200, statusText: 'OK', headers: {}, contentType, body };
  }

  if (host.protocol.isProtocolHandled(scheme)) {
    const privileges = host.schemes.privileges(scheme);
    if (request.cors && crossOrigin && !privileges.corsEnabled)
      return corsRefused(`: the ${scheme}: scheme is not registered as corsEnabled`);
    if (destination === 'fetch' && !privileges.supportFetchAPI)
      return failed(url, -2, 'ERR_FAILED', `Fetch API cannot load ${url}. URL scheme "${scheme}" is not supported.`);
    const handled = await host.protocol.request(url, request.method);
    if (!handled) return failed(url, -302, 'ERR_UNKNOWN_URL_SCHEME');
    if ('error' in handled) return failed(url, handled.code, handled.error.replace(/^net::/, ''));
    const { response } = handled;
    const headers = Object.fromEntries(response.headers);
    const body = Buffer.from(await response.arrayBuffer());
    const { status, statusText } = response;
    return { ok: true, url, status, statusText, headers, contentType: headers['content-type'] ?? '', body };
  }

  if (['http', 'https', 'ws', 'wss'].includes(scheme)) return failed(url, -102, 'ERR_CONNECTION_REFUSED');
  return failed(url, -302, 'ERR_UNKNOWN_URL_SCHEME');
}

/** A MIME type's essence: "text/javascript; charset=utf-8" → "text/javascript". */
export const mimeEssence = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();

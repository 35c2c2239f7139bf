import { STATUS_CODES } from 'node:http';
import { loadResource, mimeEssence, type LoaderHost, type ResourceRequest } from './loader.ts';

/** How a page asks for a resource: a tag in its HTML, or its running scripts. */
export type ResourceKind = 'script' | 'module' | 'modulepreload' | 'stylesheet' | 'fetch';

export interface SubresourceReport {
  scripts: number;
  stylesheets: number;
  modulePreloads: number;
  /** Every URL that loaded, with the modules module scripts import statically. */
  loaded: string[];
  /** What Chromium would print to the page's console for each resource that fails. */
  errors: string[];
}

/** The outcome of one request a page's scripts make (`import()`, an inserted `<link>`, `fetch()`). */
export interface LoadOutcome {
  url: string;
  status?: number;
  contentType?: string;
  loaded: string[];
  errors: string[];
}

const JS_TYPES = new Set(['text/javascript', 'application/javascript', 'application/x-javascript', 'text/ecmascript']);
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}(?:=["']([^"']*)["'])?`, 'i').exec(tag);
/** Static `import … from "x"`, `export … from "x"` and `import "x"`, minified or not; not `import()`. */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?(["'])([^"'\n]+)\1/g;

/**
 * A page's scripts and stylesheets, loaded as Chromium would (`loader.ts`) and checked as it
 * checks them: a 2xx status, a JavaScript MIME type for every script (Chromium requires it of
 * module scripts always and of classic scripts under `nosniff`; the fake always) and text/css
 * for stylesheets. A module script's static imports load too (its module graph); modulepreload
 * links are CORS-mode module requests. Relative URLs resolve only on a standard scheme. The
 * page's own scripts do not run in the fake: what they would load at run time (a lazy screen's
 * chunk) is asked for with `load`.
 */
export class PageResources {
  readonly #host: LoaderHost;
  readonly #pageUrl: string;
  readonly #origin: string;
  readonly #seen = new Set<string>();

  constructor(host: LoaderHost, pageUrl: string) {
    this.#host = host;
    this.#pageUrl = pageUrl;
    this.#origin = host.schemes.originOf(pageUrl);
  }

  /** Loads what the document's `<script>` and `<link>` tags ask for. */
  async loadDocument(html: string): Promise<SubresourceReport> {
    const report: SubresourceReport = { scripts: 0, stylesheets: 0, modulePreloads: 0, loaded: [], errors: [] };
    for (const match of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
      const tag = match[0];
      const rel = match[1]!.toLowerCase() === 'link' ? (attribute(tag, 'rel')?.[1] ?? '').toLowerCase() : 'script';
      const kind: ResourceKind | undefined =
        rel === 'script'
          ? /type=["']?module/i.test(tag)
            ? 'module'
            : 'script'
          : ({ stylesheet: 'stylesheet', modulepreload: 'modulepreload' } as const)[rel];
      const target = attribute(tag, kind === 'script' || kind === 'module' ? 'src' : 'href')?.[1];
      if (!kind || !target) continue;
      if (kind === 'stylesheet') report.stylesheets++;
      else if (kind === 'modulepreload') report.modulePreloads++;
      else report.scripts++;
      const outcome = await this.load(target, kind, !!attribute(tag, 'crossorigin'));
      report.loaded.push(...outcome.loaded);
      report.errors.push(...outcome.errors);
    }
    return report;
  }

  /** One request from the page: `ref` resolved against the page (or `base`), then checked. */
  async load(ref: string, kind: ResourceKind, crossorigin = false, base = this.#pageUrl): Promise<LoadOutcome> {
    const relative = !/^[a-z][a-z\d+.-]*:/i.test(ref);
    const baseUrl = new URL(base);
    if (relative && !this.#host.schemes.isStandard(baseUrl))
      return {
        url: ref,
        loaded: [],
        errors: [
          `Cannot resolve '${ref}' against ${base}: ${baseUrl.protocol} is not registered as a standard scheme, ` +
            'so relative URLs do not resolve (protocol.registerSchemesAsPrivileged)',
        ],
      };
    const url = new URL(ref, base).href;
    const outcome: LoadOutcome = { url, loaded: [], errors: [] };
    // Like the page's module map: a module loads once, however often it is imported or preloaded.
    const key = `${kind === 'modulepreload' ? 'module' : kind} ${url}`;
    if (this.#seen.has(key) && kind !== 'fetch') return outcome;
    if (kind !== 'fetch') this.#seen.add(key);
    const request: ResourceRequest = {
      url,
      destination: kind === 'stylesheet' ? 'style' : kind === 'fetch' ? 'fetch' : 'script',
      cors: crossorigin || kind === 'module' || kind === 'modulepreload' || kind === 'fetch',
      initiatorOrigin: this.#origin,
    };
    const loaded = await loadResource(this.#host, request);
    if (!loaded.ok) return { ...outcome, errors: [loaded.message] };
    Object.assign(outcome, { status: loaded.status, contentType: loaded.contentType });
    const problem =
      kind === 'fetch' ? undefined : this.#problem(kind, url, loaded.status, loaded.statusText, loaded.contentType);
    if (problem) return { ...outcome, errors: [problem] };
    outcome.loaded.push(url);
    if (kind === 'module' || kind === 'modulepreload')
      for (const specifier of staticImports(loaded.body.toString('utf8'))) {
        const imported = await this.load(specifier, 'module', false, url);
        outcome.loaded.push(...imported.loaded);
        outcome.errors.push(...imported.errors);
      }
    return outcome;
  }

  #problem(kind: ResourceKind, url: string, status: number, statusText: string, contentType: string) {
    if (status < 200 || status > 299)
      return `Failed to load resource: the server responded with a status of ${status} (${statusText || STATUS_CODES[status]}): ${url}`;
    const type = mimeEssence(contentType);
    if (kind === 'stylesheet')
      return type === 'text/css'
        ? undefined
        : `Refused to apply style from '${url}' because its MIME type ('${type}') is not a supported stylesheet MIME ` +
            'type, and strict MIME checking is enabled.';
    if (JS_TYPES.has(type)) return undefined;
    return kind === 'script'
      ? `Refused to execute script from '${url}' because its MIME type ('${type}') is not executable, and strict ` +
          'MIME type checking is enabled.'
      : `Failed to load module script: Expected a JavaScript-or-Wasm module script but the server responded with a ` +
          `MIME type of "${type}". Strict MIME type checking is enforced for module scripts per HTML spec. (${url})`;
  }
}

/** Relative and absolute specifiers a module imports statically (bare ones are not followed). */
export function staticImports(code: string): string[] {
  return [...code.matchAll(STATIC_IMPORT)]
    .map((match) => match[2]!)
    .filter((specifier) => /^\.{0,2}\//.test(specifier));
}

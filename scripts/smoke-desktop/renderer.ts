import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeElectronApp } from '../../test/fake-electron/driver.ts';
import type { LoadOutcome } from '../../test/fake-electron/subresources.ts';
import { assert, type CheckList } from './checks.ts';
import { waitForPage, type SmokeEnv } from './harness.ts';

/** Where the desktop window's page comes from: the app's own scheme, never file:. */
export const APP_PAGE_URL = 'app://rapport/index.html';
export const APP_ORIGIN = 'app://rapport';
/** Only what the page needs (main/electron/app-protocol.ts says why); corsEnabled would let other origins read it. */
const APP_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true };

type Load = LoadOutcome & { as: string };
const load = (app: FakeElectronApp, url: string, as: 'script' | 'module' | 'stylesheet' | 'fetch') =>
  app.command({ name: 'page.load', url, as }).then((outcome) => ({ ...(outcome as LoadOutcome), as }) as Load);

/**
 * The chunks and stylesheets the renderer's scripts load at run time (a screen opened lazily):
 * every relative `./x.js` or `./x.css` its built JavaScript names, as app:// URLs.
 */
export function lazyChunks(appDir: string): string[] {
  const assets = join(appDir, 'out', 'renderer', 'assets');
  const chunks = new Set<string>();
  for (const name of readdirSync(assets).filter((file) => file.endsWith('.js'))) {
    const code = readFileSync(join(assets, name), 'utf8');
    for (const match of code.matchAll(/["'`](\.{1,2}\/[\w./-]+\.(?:js|css))["'`]/g))
      chunks.add(new URL(match[1]!, `${APP_ORIGIN}/assets/${name}`).href);
  }
  return [...chunks].sort();
}

/** The scheme's registration, the page's document and subresources, and what its scripts load later. */
export async function checkAppScheme(app: FakeElectronApp, smoke: SmokeEnv, checks: CheckList): Promise<void> {
  await checks.check('registers app: before ready with only the privileges the page needs', () => {
    const registered = app.calls('protocol.registerSchemesAsPrivileged');
    assert(registered.length === 1 && registered[0]!.beforeReady, 'app: was not registered (once) before ready');
    const expected = JSON.stringify([{ scheme: 'app', privileges: APP_PRIVILEGES }]);
    const actual = JSON.stringify(registered[0]!.args[0]);
    assert(actual === expected, `registered ${actual}, not ${expected}`);
    const handled = app.calls('session.protocol.handle');
    assert(handled.length === 1 && handled[0]!.args[0] === 'app', `protocol.handle calls: ${JSON.stringify(handled)}`);
  });

  await checks.check(
    'the page loads from app://rapport with its scripts, stylesheets and module preloads',
    async () => {
      const page = await waitForPage(app);
      assert(page.resourceErrors.length === 0, page.resourceErrors.join('; '));
      assert(page.url === APP_PAGE_URL, `the page is ${page.url}`);
      assert(page.status === 200, `the page was served with status ${page.status}`);
      assert(page.origin === APP_ORIGIN && page.secureContext, `origin ${page.origin}, secure: ${page.secureContext}`);
      const policy = page.headers['content-security-policy'] ?? '';
      assert(/script-src 'self'/.test(policy), `the page's CSP header is "${policy}"`);
      assert(page.headers['x-content-type-options'] === 'nosniff', 'the page has no X-Content-Type-Options: nosniff');
      assert(page.scripts >= 1 && page.stylesheets >= 1, `${page.scripts} scripts, ${page.stylesheets} stylesheets`);
      const fuse = smoke.fuses.grantFileProtocolExtraPrivileges === false ? ', with the file:// fuse off' : '';
      return (
        `${page.scripts} script, ${page.stylesheets} stylesheet, ${page.modulePreloads} module preloads: ` +
        `${page.loaded.length} files${fuse}`
      );
    },
  );

  await checks.check('every chunk the renderer loads later comes from app://rapport', async () => {
    const page = await waitForPage(app);
    const chunks = lazyChunks(smoke.appDir);
    assert(chunks.length > 0, 'the built renderer names no lazily loaded chunks');
    const outcomes: Load[] = [];
    for (const url of chunks) outcomes.push(await load(app, url, url.endsWith('.css') ? 'stylesheet' : 'module'));
    const errors = outcomes.flatMap((outcome) => outcome.errors);
    assert(errors.length === 0, errors.slice(0, 5).join('; '));
    const files = new Set([...page.loaded, ...outcomes.flatMap((outcome) => outcome.loaded)]);
    const onDisk = readdirSync(join(smoke.appDir, 'out', 'renderer', 'assets')).length;
    return `${chunks.length} chunks named in the bundle; ${files.size} files loaded in all, of ${onDisk} in assets/`;
  });

  await checks.check('app:// serves only the renderer folder, and no other origin can read it', async () => {
    for (const url of [
      'app://rapport/..%2fmain%2findex.js',
      'app://rapport/..%2f..%2fpackage.json',
      'app://rapport/%2e%2e%2fpreload%2findex.cjs',
      'app://rapport/assets/',
      'app://rapport/missing.js',
    ]) {
      const outcome = await load(app, url, 'fetch');
      assert(outcome.status === 404, `${url} answered ${outcome.status ?? outcome.errors.join('; ')}`);
    }
    const otherHost = await load(app, 'app://elsewhere/index.html', 'script');
    assert(/status of 404/.test(otherHost.errors.join()), `app://elsewhere answered: ${otherHost.errors.join('; ')}`);
    const crossOrigin = await load(app, 'app://elsewhere/index.html', 'fetch');
    assert(/blocked by CORS policy/.test(crossOrigin.errors.join()), 'another origin could read app:// with fetch()');
  });
}

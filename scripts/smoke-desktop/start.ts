import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { FakeElectronApp } from '../../test/fake-electron/driver.ts';
import { assert, type CheckList } from './checks.ts';
import { lockHolder, request, waitForPage, type SmokeEnv } from './harness.ts';
import { APP_PAGE_URL } from './renderer.ts';

/** Electron's security checklist, as the window must be created. */
const REQUIRED_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
};

/** The first launch on an empty data folder: core, window, page, preload and IPC. */
export async function checkStart(app: FakeElectronApp, smoke: SmokeEnv, checks: CheckList): Promise<void> {
  await checks.check('starts and opens the core on a fresh data folder', async () => {
    await waitForPage(app);
    const info = await request<{ dataDir: string; persistent: boolean; mode: string }>(app, 'app.info');
    assert(
      info.dataDir === smoke.dataDir,
      `the core opened ${info.dataDir}, not ${smoke.dataDir} (Electron's userData for productName "Rapport", ` +
        'which the CLI and browser mode also use)',
    );
    assert(info.mode === 'desktop' && info.persistent, `app.info says ${JSON.stringify(info)}`);
    assert(existsSync(join(smoke.dataDir, 'rapport.sqlite')), 'no rapport.sqlite in the data folder');
    const holder = lockHolder(smoke.dataDir);
    assert(holder === String(app.pid), `rapport.lock names ${holder ?? 'nobody'}, not the app (pid ${app.pid})`);
    return smoke.dataDir;
  });

  await checks.check('creates exactly one window, sandboxed and isolated', () => {
    const created = app.calls('new BrowserWindow');
    assert(created.length === 1, `${created.length} windows were created`);
    const options = created[0]!.args[0] as { webPreferences?: Record<string, unknown> };
    const preferences = options.webPreferences ?? {};
    for (const [name, value] of Object.entries(REQUIRED_PREFERENCES))
      assert(preferences[name] === value, `webPreferences.${name} is ${String(preferences[name])}, not ${value}`);
    const sandbox = app.calls('app.enableSandbox');
    assert(sandbox.length === 1 && sandbox[0]!.beforeReady, 'app.enableSandbox() was not called before ready');
    const preload = String(preferences.preload);
    assert(isAbsolute(preload) && preload.startsWith(smoke.appDir), `the preload path ${preload} is not in the app`);
    assert(existsSync(preload), `the preload ${preload} does not exist`);
  });

  await checks.check('sets the page URL to the app scheme and shows the window', async () => {
    const page = await waitForPage(app);
    assert(page.url === APP_PAGE_URL, `the window loaded ${page.url}, not ${APP_PAGE_URL}`);
    const readyToShow = app.events(/^BrowserWindow#/, 'ready-to-show')[0];
    const shown = app.calls(/^BrowserWindow#\d+\.show$/)[0];
    assert(readyToShow && shown && shown.at >= readyToShow.at, 'the window was not shown once ready to show');
    return page.url;
  });

  await checks.check('the preload exposes window.rapport and nothing else', async () => {
    const page = await waitForPage(app);
    assert(!page.preloadError, `the preload failed: ${page.preloadError}`);
    assert(
      page.exposed.length === 1 && page.exposed[0] === 'rapport',
      `the preload exposed [${page.exposed.join(', ')}]`,
    );
  });

  await checks.check('answers its own page and ignores a frame from another origin', async () => {
    const request = (id: string) => ({ type: 'request', id, channel: 'app.info', input: {} });
    await app.command({
      name: 'page.sendRaw',
      channel: 'rapport',
      message: request('from-foreign-frame'),
      frameUrl: 'https://evil.example/ad',
    });
    await app.command({ name: 'page.sendRaw', channel: 'rapport', message: request('from-own-page') });
    // Main answers in arrival order, so once the page's request is answered the foreign one would have been.
    await app.waitFor('the answer to the page', (records) =>
      records.find((record) => record.kind === 'page-message' && record.id === 'from-own-page'),
    );
    const leaked = app.records.some((record) => record.kind === 'page-message' && record.id === 'from-foreign-frame');
    assert(!leaked, 'main answered a request sent from a subframe on https://evil.example');
  });
}

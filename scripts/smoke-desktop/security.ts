import { join } from 'node:path';
import type { FakeElectronApp } from '../../test/fake-electron/driver.ts';
import { assert, type CheckList } from './checks.ts';
import { request, waitForPage, type SmokeEnv } from './harness.ts';
import { APP_ORIGIN, APP_PAGE_URL } from './renderer.ts';

const PERMISSIONS = ['media', 'display-capture', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'];

/** The security hooks of Electron's checklist, exercised the way a hostile page would. */
export async function checkSecurity(app: FakeElectronApp, smoke: SmokeEnv, checks: CheckList): Promise<void> {
  await checks.check('every web contents is locked down as it is created (web-contents-created)', async () => {
    // The window's own contents, and contents created later (as a webview or DevTools would be).
    const extra = (await app.command({ name: 'contents.create' })) as number;
    for (const contentsId of [undefined, extra]) {
      const where = contentsId === undefined ? 'the window' : `web contents #${contentsId}`;
      const navigate = (url: string, redirect = false) =>
        app.command({ name: 'contents.navigate', contentsId, url, redirect });
      assert((await navigate('https://evil.example/')) === false, `${where} navigated away`);
      assert((await navigate('https://evil.example/', true)) === false, `${where} followed a redirect`);
      assert(
        (await app.command({ name: 'contents.attachWebview', contentsId })) === false,
        `${where} attached a webview`,
      );
      const opened = await app.command({ name: 'contents.windowOpen', contentsId, url: 'https://example.org/profile' });
      assert(opened === 'deny', `${where} let window.open create a window`);
      const local = await app.command({ name: 'contents.windowOpen', contentsId, url: 'file:///etc/passwd' });
      assert(local === 'deny', `${where} let window.open open a local file`);
    }
    const external = app.calls('shell.openExternal').map((call) => call.args[0]);
    assert(
      external.length === 2 && external.every((url) => url === 'https://example.org/profile'),
      `links opened in the system browser: ${JSON.stringify(external)} (expected the https link, twice)`,
    );
  });

  await checks.check('permission checks and requests are denied', async () => {
    for (const permission of PERMISSIONS) {
      const checked = await app.command({ name: 'session.checkPermission', permission, origin: APP_ORIGIN });
      assert(checked === false, `the permission check for ${permission} returned ${String(checked)}`);
      const granted = await app.command({ name: 'session.requestPermission', permission });
      assert(granted === false, `the permission request for ${permission} was granted`);
    }
  });

  await checks.check('the session adds the Content-Security-Policy header', async () => {
    const headers = (await app.command({ name: 'session.receiveHeaders', url: APP_PAGE_URL })) as Record<
      string,
      string[]
    >;
    const policy = headers['Content-Security-Policy']?.join('; ') ?? '';
    assert(/default-src/.test(policy), `no Content-Security-Policy with default-src: ${JSON.stringify(headers)}`);
    assert(!/unsafe-eval/.test(policy), `the policy allows unsafe-eval: ${policy}`);
  });

  await checks.check('a file dropped on the window does not navigate it (navigateOnDragDrop)', async () => {
    const before = await waitForPage(app);
    const navigated = await app.command({ name: 'contents.dropFile', path: join(smoke.root, 'dropped.html') });
    const pages = app.records.filter((record) => record.kind === 'page');
    assert(navigated === false && pages.at(-1) === before, 'dropping a file navigated the window');
  });

  await checks.check("a reload drops the old page's live queries", async () => {
    await app.command({ name: 'page.subscribe', channel: 'contacts.watch', input: {}, key: 'before-reload' });
    await app.waitFor('the first people list', (records) =>
      records.find((record) => record.kind === 'page-push' && record.key === 'before-reload'),
    );
    const loads = app.records.filter((record) => record.kind === 'page').length;
    await app.command({ name: 'page.reload' });
    await waitForPage(app, loads);
    await app.command({ name: 'page.subscribe', channel: 'contacts.watch', input: {}, key: 'after-reload' });
    const { id } = await request<{ id: string }>(app, 'contacts.create', { displayName: 'Reload Check' });
    await app.waitFor('the new page to see the new person', (records) =>
      records.find((record) => record.kind === 'page-push' && record.key === 'after-reload' && record.count === 1),
    );
    // Every push a page receives must answer a subscription that same page made.
    const subscribed = new Set<string>();
    for (const record of app.records) {
      if (record.kind !== 'page-message' || !record.id) continue;
      const key = `${record.pageId}:${record.id}`;
      if (record.direction === 'to-main' && record.type === 'subscribe') subscribed.add(key);
      if (record.direction === 'to-page' && record.type === 'push')
        assert(subscribed.has(key), `page ${record.pageId} got a push for subscription ${record.id} it never made`);
    }
    await request(app, 'contacts.delete', { ids: [id] });
  });
}

import { assert, type CheckList } from './checks.ts';
import type { FakeElectronApp } from '../../test/fake-electron/driver.ts';

/** The system-wide quick-capture shortcut: registered at start, and pressing it shows the window and tells the page. */
export async function checkCaptureShortcut(app: FakeElectronApp, checks: CheckList): Promise<void> {
  await checks.check('the global quick-capture shortcut shows the window and opens quick capture', async () => {
    const registered = app.calls(/^globalShortcut\.register$/).map((call) => call.args[0]);
    assert(registered.includes('CommandOrControl+Shift+M'), `registered: ${JSON.stringify(registered)}`);
    await app.command({ name: 'page.listen', event: 'events.openCapture' });
    const since = app.records.at(-1)?.at ?? 0;
    await app.command({ name: 'os.pressShortcut', accelerator: 'CommandOrControl+Shift+M' });
    await app.waitFor('events.openCapture in the page', (records) =>
      records.find(
        (record) => record.kind === 'page-event' && record.name === 'events.openCapture' && record.at > since,
      ),
    );
    const shown = app.calls(/^BrowserWindow#\d+\.(show|focus)$/).filter((call) => call.at > since);
    assert(shown.length >= 2, 'the window was not shown and focused');
  });
}

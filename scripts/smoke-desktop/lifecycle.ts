import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeElectronApp } from '../../test/fake-electron/driver.ts';
import { assert, type CheckList } from './checks.ts';
import { exitCode, lockHolder, request, waitForPage, type Launcher, type SmokeEnv } from './harness.ts';
import { digestNotifications, settleReminders, waitForTrayPerson } from './reminders.ts';

/** Cards in the import that Quit interrupts: enough for several write chunks of 500. */
const IMPORT_CARDS = 2000;

function vCards(count: number): string {
  const cards: string[] = [];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(5, '0');
    cards.push(
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Imported ${n}\r\nN:${n};Imported;;;\r\nEMAIL:imported${n}@example.org\r\nEND:VCARD\r\n`,
    );
  }
  return cards.join('');
}

/** The data folder is free: no core lock, no Electron single-instance lock. */
function assertUnlocked(smoke: SmokeEnv): void {
  const holder = lockHolder(smoke.dataDir);
  assert(holder === undefined, `rapport.lock still names pid ${holder}: the core was not closed`);
  assert(!existsSync(join(smoke.dataDir, 'SingletonLock')), "Electron's SingletonLock was left behind");
}

export async function checkSecondInstance(first: FakeElectronApp, launcher: Launcher, checks: CheckList) {
  await checks.check('a second instance focuses the first and exits', async () => {
    const since = first.records.at(-1)?.at ?? 0;
    const second = launcher.launch();
    const code = await exitCode(second);
    assert(code === 0, `the second instance exited with ${code}:\n${second.output}`);
    assert(second.calls('new BrowserWindow').length === 0, 'the second instance opened a window');
    assert(second.calls('ipcMain.on').length === 0, 'the second instance started a core');
    await first.waitFor('second-instance in the first', () => first.events('app', 'second-instance')[0]);
    const raised = first.calls(/^BrowserWindow#\d+\.(show|focus)$/).filter((call) => call.at > since);
    assert(
      raised.some((call) => call.api.endsWith('.focus')),
      'the first instance did not focus its window',
    );
  });
}

export async function checkCloseToTray(app: FakeElectronApp, checks: CheckList) {
  await checks.check('closing the window hides it to the tray, with one notice', async () => {
    const since = app.records.at(-1)?.at ?? 0;
    await app.command({ name: 'window.close' });
    await request(app, 'app.info');
    assert(app.events(/^BrowserWindow#/, 'closed').length === 0, 'the window was destroyed instead of hidden');
    assert(
      app.calls(/^BrowserWindow#\d+\.hide$/).some((call) => call.at > since),
      'the window was not hidden',
    );
    const notices = app
      .calls(/^Notification#\d+\.show$/)
      .filter((call) => /still running/.test((call.args[0] as { title: string }).title));
    assert(notices.length === 1, `${notices.length} "still running" notices were shown`);
  });
}

/** Starts an import and chooses Quit in the tray while it writes. Returns the people count before. */
export async function checkQuitDuringImport(app: FakeElectronApp, smoke: SmokeEnv, checks: CheckList) {
  let before = -1;
  await checks.check('Quit during an import waits for the core to close and unlocks the data folder', async () => {
    before = await peopleCount(app, 'before-import');
    const base64 = Buffer.from(vCards(IMPORT_CARDS)).toString('base64');
    const preview = await request<{ sessionId: string; cards: unknown[] }>(app, 'interchange.preview', {
      fileName: 'smoke.vcf',
      base64,
    });
    assert(preview.cards.length === IMPORT_CARDS, `the preview found ${preview.cards.length} cards`);
    await app.command({ name: 'page.listen', event: 'interchange.progress' });
    // Not awaited: the app quits before the import can answer.
    void request(app, 'interchange.commit', { sessionId: preview.sessionId }).catch(() => {});
    await app.waitFor('the import to start writing', (records) =>
      records.find((record) => record.kind === 'page-event' && record.name === 'interchange.progress'),
    );
    await app.command({ name: 'tray.clickMenuItem', path: ['Quit'] });
    const code = await exitCode(app);
    assert(code === 0, `the app exited with ${code}`);
    const willQuit = app.events('app', 'will-quit')[0];
    const exit = app.calls('app.exit')[0];
    assert(willQuit && exit, 'the app did not go through will-quit to app.exit');
    assertUnlocked(smoke);
    return `closed ${Math.round(exit.at - willQuit.at)} ms after will-quit`;
  });
  return before;
}

/** The second launch on the same folder: the import all-or-nothing, no reminder repeated. */
export async function checkRestart(app: FakeElectronApp, before: number, checks: CheckList) {
  await checks.check('after a restart the import is all-or-nothing', async () => {
    await waitForPage(app);
    const count = await peopleCount(app, 'after-restart');
    assert(
      count === before || count === before + IMPORT_CARDS,
      `${count} people after the restart: neither the ${before} before the import nor all ${before + IMPORT_CARDS}`,
    );
    const people = `${count} ${count === 1 ? 'person' : 'people'}`;
    return `${people} (${count === before ? 'the import was undone' : 'the import completed'})`;
  });
  await checks.check('after a restart the tray still lists the person and no reminder repeats', async () => {
    await waitForTrayPerson(app);
    await settleReminders(app);
    const repeated = digestNotifications(app);
    assert(repeated.length === 0, `the digest was shown again after the restart (${repeated.length}×)`);
  });
}

export async function checkFinalQuit(app: FakeElectronApp, smoke: SmokeEnv, checks: CheckList) {
  await checks.check('Quit from the tray exits cleanly and unlocks the data folder', async () => {
    await app.command({ name: 'tray.clickMenuItem', path: ['Quit'] });
    const code = await exitCode(app);
    assert(code === 0, `the app exited with ${code}`);
    assertUnlocked(smoke);
  });
}

async function peopleCount(app: FakeElectronApp, key: string): Promise<number> {
  await app.command({ name: 'page.subscribe', channel: 'contacts.watch', input: {}, key });
  const push = await app.waitFor('the people list', (records) =>
    records.find((record) => record.kind === 'page-push' && record.key === key),
  );
  assert(push.kind === 'page-push' && push.ok && push.count !== undefined, 'contacts.watch failed');
  return push.count;
}

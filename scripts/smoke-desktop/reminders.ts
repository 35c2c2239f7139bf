import type { CallRecord, FakeElectronApp } from '../../test/fake-electron/driver.ts';
import type { ImageSnapshot, MenuSnapshot } from '../../test/fake-electron/protocol.ts';
import { assert, type CheckList } from './checks.ts';
import { request } from './harness.ts';

/** The person the smoke run plants as overdue, and the digest that must name them. */
const OVERDUE_NAME = 'Ada Overdue';
const DIGEST_TITLE = /^1 person to reach out to today$/;

const shiftDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Latest tray menu the app set, or undefined before it set one. */
function trayMenu(app: FakeElectronApp): MenuSnapshot[] | undefined {
  return app.calls(/^Tray#\d+\.setContextMenu$/).at(-1)?.args[0] as MenuSnapshot[] | undefined;
}

/** Waits until the tray menu lists the overdue person with their actions. */
export function waitForTrayPerson(app: FakeElectronApp): Promise<MenuSnapshot> {
  return app.waitFor(`the tray menu to list ${OVERDUE_NAME}`, () =>
    trayMenu(app)?.find((item) => item.label === OVERDUE_NAME && item.submenu?.some((sub) => sub.label === 'Open')),
  );
}

export function digestNotifications(app: FakeElectronApp): CallRecord[] {
  return app
    .calls(/^Notification#\d+\.show$/)
    .filter((call) => DIGEST_TITLE.test((call.args[0] as { title: string }).title));
}

/** Runs the reminder loop once more and waits for it: whatever it would send has been sent. */
export async function settleReminders(app: FakeElectronApp): Promise<void> {
  await request(app, 'reminders.wake');
}

/** Plants someone overdue (a close contact last seen 60 days ago) with the digest due now. */
export async function checkReminders(app: FakeElectronApp, checks: CheckList): Promise<void> {
  await checks.check('the tray icon has its 1× and 2× images', () => {
    const created = app.calls(/^new Tray#\d+$/);
    assert(created.length === 1, `${created.length} tray icons were created`);
    const image = created[0]!.args[0] as ImageSnapshot;
    assert(!image.empty, 'the tray image is empty (a wrong icon path gives an empty image, not an error)');
    const scales = image.representations.map((representation) => representation.scaleFactor).sort();
    assert(scales.join() === '1,2', `the tray image has scale factors [${scales.join(', ')}]`);
  });

  await checks.check('the tray menu lists a planted overdue person', async () => {
    const { today } = await request<{ today: string }>(app, 'app.info');
    const settings = await request<Record<string, unknown>>(app, 'reminders.getSettings');
    await request(app, 'reminders.setSettings', {
      notifications: true,
      digest: true,
      digestTime: '00:00',
      eventFollowUps: false,
      quietHours: { enabled: false, start: '22:00', end: '07:00' },
      openAtLogin: settings.openAtLogin ?? false,
    });
    const person = await request<{ id: string }>(app, 'contacts.create', { displayName: OVERDUE_NAME, tier: 'close' });
    await request(app, 'interactions.log', {
      interaction: { type: 'coffee', date: shiftDays(today, -60), contactIds: [person.id] },
    });
    const item = await waitForTrayPerson(app);
    return `${item.label}: ${item.submenu
      ?.map((sub) => sub.label)
      .filter(Boolean)
      .join(', ')}`;
  });

  await checks.check('a due reminder raises one notification', async () => {
    await app.waitFor('the digest notification', () => digestNotifications(app)[0]);
    await settleReminders(app);
    const shown = digestNotifications(app);
    assert(shown.length === 1, `${shown.length} digest notifications were shown`);
    const { body } = shown[0]!.args[0] as { body: string };
    assert(body.includes(OVERDUE_NAME), `the digest does not name ${OVERDUE_NAME}: "${body}"`);
    return body;
  });

  await checks.check("the tray's Open shows the window on that person", async () => {
    await app.command({ name: 'page.listen', event: 'reminders.open' });
    const since = app.records.at(-1)?.at ?? 0;
    await app.command({ name: 'tray.clickMenuItem', path: [OVERDUE_NAME, 'Open'] });
    const opened = await app.waitFor('reminders.open in the page', (records) =>
      records.find((record) => record.kind === 'page-event' && record.name === 'reminders.open' && record.at > since),
    );
    const shown = app.calls(/^BrowserWindow#\d+\.(show|focus)$/).filter((call) => call.at > since);
    assert(shown.length >= 2, 'the window was not shown and focused');
    assert(
      opened.kind === 'page-event' && typeof (opened.payload as { personId?: string }).personId === 'string',
      `the page was not told which person: ${JSON.stringify(opened)}`,
    );
  });
}

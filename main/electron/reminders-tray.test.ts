import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { DueSummary } from '../../shared/domain/reminders/views.ts';
import { inArea } from '../core/area.ts';
import { movableClock, until } from '../core/testing/fakes.ts';
import { openTestCore } from '../core/testing/test-core.ts';

const electron = vi.hoisted(() => ({}) as ReturnType<typeof import('./electron-mock.ts').createElectronMock>);
vi.mock('electron', async () => Object.assign(electron, (await import('./electron-mock.ts')).createElectronMock()));

const { connectReminderTray, detectTray, reminderTrayTemplate, trayTooltip } = await import('./reminders-tray.ts');

beforeAll(() => {
  process.env.TZ = 'Europe/London';
});
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const actions = () => ({
  open: vi.fn(),
  done: vi.fn(),
  snooze: vi.fn(),
  skip: vi.fn(),
  undo: vi.fn(),
  log: vi.fn(),
  quit: vi.fn(),
});
const summary = (n: number): DueSummary => ({
  today: '2026-03-01',
  count: n,
  people: Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    displayName: `Person ${i}`,
    reasons: ['overdue' as const],
  })),
});
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as () => void)();
const labels = (items: MenuItemConstructorOptions[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label);

describe('the reminders tray menu', () => {
  it('lists up to five due people, each with Open, Done, Snooze 1 day, Snooze 1 week and Skip', () => {
    const a = actions();
    const items = reminderTrayTemplate(summary(7), a);
    expect(labels(items)).toEqual([
      '7 people to reach out to today',
      'Person 0',
      'Person 1',
      'Person 2',
      'Person 3',
      'Person 4',
      '…and 2 more',
      'Log an interaction…',
      'Open Rapport',
      'Quit',
    ]);
    const submenu = items[1]!.submenu as MenuItemConstructorOptions[];
    expect(labels(submenu)).toEqual(['Open', 'Done', 'Snooze 1 day', 'Snooze 1 week', 'Skip this cycle']);
    submenu.filter((i) => i.type !== 'separator').forEach(click);
    const p0 = summary(7).people[0];
    expect(a.open).toHaveBeenCalledWith('p0');
    expect(a.done).toHaveBeenCalledWith(p0);
    expect(a.snooze.mock.calls).toEqual([
      [p0, 1],
      [p0, 7],
    ]);
    expect(a.skip).toHaveBeenCalledWith(p0);
    click(items.find((i) => i.label === 'Log an interaction…'));
    expect(a.log).toHaveBeenCalledOnce();
  });

  it('puts the undo of the last action first while it is offered', () => {
    const a = actions();
    const items = reminderTrayTemplate(summary(1), a, 'Undo: snoozed Person 0 for a day');
    expect(labels(items).slice(0, 2)).toEqual(['Undo: snoozed Person 0 for a day', '1 person to reach out to today']);
    click(items[0]);
    expect(a.undo).toHaveBeenCalledOnce();
  });

  it('says so when nobody is due, and the tooltip carries the count', () => {
    expect(labels(reminderTrayTemplate(summary(0), actions()))[0]).toBe('Nobody to reach out to today');
    expect(trayTooltip(summary(1))).toBe('Rapport: 1 person to reach out to today');
    expect(trayTooltip(summary(0))).toBe('Rapport');
  });

  it.each([
    ['darwin', undefined, true],
    ['win32', undefined, true],
    ['linux', 'KDE', true],
    ['linux', 'ubuntu:GNOME', true],
    ['linux', 'GNOME', false],
    ['linux', undefined, undefined],
  ] as const)('tray on %s (%s): %s', (platform, desktop, expected) => {
    expect(detectTray(platform, { XDG_CURRENT_DESKTOP: desktop })).toBe(expected);
  });
});

describe('the tray wired to a real core', () => {
  it('follows who is due, acts through the core, sets the badge, and never shows detail text', async () => {
    const clock = movableClock('2026-01-02T12:00:00Z');
    const h = await openTestCore({ clock });
    cleanup.push(() => h.dispose());
    const sam = await h.call('contacts.create', { displayName: 'Sam Okafor', tier: 'close' });
    await h.call('details.add', {
      contactId: sam.id,
      text: 'SENSITIVE-diagnosis',
      learnedOn: '2026-01-02',
      sensitivity: 'sensitive',
      followUpOn: '2026-02-01',
    });
    await h.call('details.add', {
      contactId: sam.id,
      text: 'PRIVATE-salary',
      learnedOn: '2026-01-02',
      sensitivity: 'private',
      followUpOn: '2026-02-01',
    });
    clock.set('2026-03-01T10:00:00Z');

    const menus: MenuItemConstructorOptions[][] = [];
    const tooltips: string[] = [];
    const app = { setBadgeCount: vi.fn((_count: number) => true), quit: vi.fn() };
    const show = vi.fn();
    const emitted: unknown[] = [];
    const stop = connectReminderTray({
      core: { request: h.core.request, watch: h.core.watch, emit: (_name, payload) => emitted.push(payload) },
      tray: { setMenu: (m, t) => (menus.push(m), tooltips.push(t)) },
      app,
      show,
      notify: vi.fn(),
    });
    cleanup.push(stop);
    await until(() => tooltips.at(-1) === 'Rapport: 1 person to reach out to today', 'the due count');
    expect(app.setBadgeCount).toHaveBeenLastCalledWith(1);
    expect(JSON.stringify(menus)).not.toMatch(/SENSITIVE|PRIVATE/);

    const person = menus.at(-1)!.find((i) => i.label === 'Sam Okafor')!;
    click((person.submenu as MenuItemConstructorOptions[]).find((i) => i.label === 'Open'));
    expect(show).toHaveBeenCalled();
    expect(emitted).toEqual([{ personId: sam.id }]);
    click((person.submenu as MenuItemConstructorOptions[]).find((i) => i.label === 'Done'));
    await until(() => app.setBadgeCount.mock.calls.at(-1)?.[0] === 0, 'the badge to clear');
    const page = await h.call('timeline.page', { filter: { contactId: sam.id }, offset: 0, limit: 5 });
    expect(page.entries.map((e) => e.type)).toEqual(['message']);
  });

  it('takes back Done, Snooze and Skip from the menu for a while, through the core', async () => {
    const clock = movableClock('2026-01-02T12:00:00Z');
    const h = await openTestCore({ clock });
    cleanup.push(() => h.dispose());
    const sam = await h.call('contacts.create', { displayName: 'Sam Okafor', tier: 'close' });
    clock.set('2026-03-01T10:00:00Z');
    let menu: MenuItemConstructorOptions[] = [];
    const app = { setBadgeCount: vi.fn((_count: number) => true), quit: vi.fn() };
    const stop = connectReminderTray({
      core: { request: h.core.request, watch: h.core.watch, emit: () => {} },
      tray: { setMenu: (m) => (menu = m) },
      app,
      show: vi.fn(),
      undoMs: 300,
      notify: vi.fn(),
    });
    cleanup.push(stop);
    const badge = (n: number) => until(() => app.setBadgeCount.mock.calls.at(-1)?.[0] === n, `the badge at ${n}`);
    const choose = (label: string) =>
      click(
        (menu.find((i) => i.label === 'Sam Okafor')!.submenu as MenuItemConstructorOptions[]).find(
          (i) => i.label === label,
        ),
      );
    const undoItem = () => menu.find((i) => i.label?.startsWith('Undo:'));
    await badge(1);

    // Done, then its undo: the logged message goes and Sam is due again.
    choose('Done');
    await until(() => undoItem()?.label === 'Undo: in touch with Sam Okafor', 'the undo of Done');
    await badge(0);
    click(undoItem());
    expect(undoItem()).toBeUndefined();
    await badge(1);
    const page = await h.call('timeline.page', { filter: { contactId: sam.id }, offset: 0, limit: 5 });
    expect(page.entries).toEqual([]);

    // Snooze and Skip are taken back the same way.
    for (const [action, label] of [
      ['Snooze 1 day', 'Undo: snoozed Sam Okafor for a day'],
      ['Skip this cycle', 'Undo: skipped this cycle for Sam Okafor'],
    ] as const) {
      choose(action);
      await until(() => undoItem()?.label === label, label);
      await badge(0);
      click(undoItem());
      await badge(1);
    }

    // Not clicked, the offer ends by itself.
    choose('Snooze 1 week');
    await until(() => undoItem() !== undefined, 'the undo of Snooze 1 week');
    await until(() => undoItem() === undefined, 'the offer to end');
    expect(app.setBadgeCount.mock.calls.at(-1)?.[0]).toBe(0);
  });

  it('says with a notification when a menu action fails, and offers nothing to undo', async () => {
    const clock = movableClock('2026-01-02T12:00:00Z');
    const h = await openTestCore({ clock });
    cleanup.push(() => h.dispose());
    await h.call('contacts.create', { displayName: 'Sam Okafor', tier: 'close' });
    clock.set('2026-03-01T10:00:00Z');
    // Snoozes as a newer version on another device keeps them: this one refuses to write over them.
    await inArea('replication', () =>
      h.core.db.settings.upsert({
        id: 'reminder-state',
        value: { holds: { x: { snoozedUntil: 'next spring' } }, nudge: { skipsInARow: 0 } },
        updatedAt: '2026-03-01T09:00:00.000Z',
      }),
    );
    let menu: MenuItemConstructorOptions[] = [];
    const notify = vi.fn();
    const stop = connectReminderTray({
      core: { request: h.core.request, watch: h.core.watch, emit: () => {} },
      tray: { setMenu: (m) => (menu = m) },
      app: { setBadgeCount: () => true, quit: vi.fn() },
      show: vi.fn(),
      notify,
    });
    cleanup.push(stop);
    await until(() => menu.some((i) => i.label === 'Sam Okafor'), 'Sam in the menu');
    click(
      (menu.find((i) => i.label === 'Sam Okafor')!.submenu as MenuItemConstructorOptions[]).find(
        (i) => i.label === 'Snooze 1 day',
      ),
    );
    await until(() => notify.mock.calls.length === 1, 'the notification');
    expect(notify).toHaveBeenCalledWith({
      title: 'Could not snooze Sam Okafor',
      body: expect.stringMatching(/^Rapport could not read your snoozes and skips as saved/),
    });
    expect(menu.find((i) => i.label?.startsWith('Undo:'))).toBeUndefined();
  });
});

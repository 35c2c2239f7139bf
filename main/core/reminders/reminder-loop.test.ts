import { beforeAll, describe, expect, it } from 'vitest';
import { manualTimers, movableClock, recordingNotifier } from '../testing/fakes.ts';
import { openTestCore } from '../testing/test-core.ts';

beforeAll(() => {
  // The core itself reads the machine zone; pin it so "09:00" means the same on every machine.
  process.env.TZ = 'Europe/London';
});

/**
 * A core where Sam had coffee on 2 January; `loop.start()` reopens it with its jobs running, a
 * recording notifier and timers the test fires by hand.
 */
async function setup(startAt: string) {
  const clock = movableClock('2026-01-02T12:00:00Z');
  const h = await openTestCore({ clock });
  const sam = await h.call('contacts.create', { displayName: 'Sam Okafor', tier: 'close' });
  await h.call('interactions.log', {
    interaction: { type: 'coffee', date: '2026-01-02', contactIds: [sam.id] },
    newPeople: [],
    details: [],
  });
  clock.set(startAt);
  const timers = manualTimers();
  const notifier = recordingNotifier();
  const loop = {
    start: () =>
      h.reopen({ jobs: true, notifier, reminders: { timers, timeZone: () => 'Europe/London', icsFile: false } }),
    wake: () => h.call('reminders.wake', {}),
  };
  return { h, clock, timers, notifier, loop, sam };
}

describe('the reminder loop', () => {
  it('sleeps exactly until the digest time, then sends it once', async () => {
    const { clock, timers, notifier, loop } = await setup('2026-06-10T07:30:00Z'); // 08:30 BST
    await loop.start();
    await loop.wake();
    expect(notifier.shown).toEqual([]);
    expect(timers.pending()?.ms).toBe(30 * 60_000);

    clock.set('2026-06-10T08:00:00Z');
    timers.pending()!.fire();
    await loop.wake();
    expect(notifier.shown.map((n) => n.title)).toEqual(['1 person to reach out to today']);
    // Nothing else today: it sleeps at most an hour (to notice clock changes), never a busy loop.
    expect(timers.pending()?.ms).toBe(60 * 60_000);
    await loop.wake();
    expect(notifier.shown).toHaveLength(1);
  });

  it("after sleeping through three days, sends only today's digest on resume", async () => {
    const { clock, notifier, loop } = await setup('2026-06-10T08:00:00Z');
    await loop.start();
    await loop.wake();
    expect(notifier.shown).toHaveLength(1);
    clock.set('2026-06-13T13:00:00Z');
    await loop.wake();
    expect(notifier.shown).toHaveLength(2);
    expect(notifier.shown[1]).toMatchObject({ title: '1 person to reach out to today', open: { screen: 'today' } });
  });

  it('waits out quiet hours, and a jump backwards in time does not resend', async () => {
    const { h, clock, timers, notifier, loop } = await setup('2026-06-10T05:00:00Z'); // 06:00 BST
    const settings = await h.call('reminders.getSettings', {});
    const { host: _host, ...plain } = settings;
    await h.call('reminders.setSettings', { ...plain, digestTime: '06:00' });
    await loop.start();
    await loop.wake();
    expect(notifier.shown).toEqual([]);
    expect(timers.pending()?.ms).toBe(60 * 60_000); // until 07:00, the end of quiet hours
    clock.set('2026-06-10T06:00:00Z');
    await loop.wake();
    expect(notifier.shown).toHaveLength(1);
    clock.set('2026-06-10T05:59:00Z');
    await loop.wake();
    clock.set('2026-06-10T06:30:00Z');
    await loop.wake();
    expect(notifier.shown).toHaveLength(1);
  });

  it('follows up 48 hours after a meet-up, across the clocks going forward', async () => {
    const { h, clock, timers, notifier, loop } = await setup('2026-03-30T18:30:00Z');
    const ada = await h.call('contacts.create', { displayName: 'Ada Lovelace' });
    await h.call('interactions.log', {
      interaction: { type: 'meet-up', date: '2026-03-28', time: '19:00', contactIds: [ada.id] },
      newPeople: [],
      details: [],
    });
    const { host: _host, ...plain } = await h.call('reminders.getSettings', {});
    await h.call('reminders.setSettings', { ...plain, digest: false });
    await loop.start();
    await loop.wake();
    expect(notifier.shown).toEqual([]);
    // 19:00 GMT + 48 h = 19:00 UTC = 20:00 BST on the 30th: 30 minutes from now.
    expect(timers.pending()?.ms).toBe(30 * 60_000);
    clock.set('2026-03-30T19:00:00Z');
    await loop.wake();
    expect(notifier.shown).toEqual([
      expect.objectContaining({ title: 'Follow up with Ada Lovelace', open: { screen: 'people', personId: ada.id } }),
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { openTestCore } from '../testing/test-core.ts';

describe('the person view', () => {
  it('says until when a snooze holds someone back, and forgets it once they are in touch', async () => {
    const t = await openTestCore({ now: '2026-03-01T09:00:00Z' });
    const view = (id: string) => t.next('person.watch', { id });
    const sam = await t.call('contacts.create', { displayName: 'Sam', tier: 'close' });
    expect((await view(sam.id)).snoozedUntil).toBeUndefined();
    await t.call('reminders.snooze', { personId: sam.id, days: 7 });
    expect((await view(sam.id)).snoozedUntil).toBe('2026-03-08');
    await t.call('reminders.done', { personId: sam.id, type: 'call' });
    expect((await view(sam.id)).snoozedUntil).toBeUndefined();
  });
});

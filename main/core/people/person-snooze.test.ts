import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/domain/contact.ts';
import type { PersonView } from '../../../shared/domain/views.ts';
import { fixedClock } from '../clock.ts';
import { call, closeAll, openCore } from '../backup/test-helpers.ts';

afterEach(closeAll);

function firstView(core: Awaited<ReturnType<typeof openCore>>, id: string): Promise<PersonView> {
  return new Promise((resolve, reject) => {
    const stop = core.dispatcher.subscribe('person.watch', { id }, (r) => {
      queueMicrotask(() => stop());
      if (r.ok) resolve(r.value as PersonView);
      else reject(new Error(r.error.message));
    });
  });
}

describe('the person view', () => {
  it('says until when a snooze holds someone back, and forgets it once they are in touch', async () => {
    const core = await openCore({ clock: fixedClock('2026-03-01T09:00:00Z') });
    const sam = await call<Contact>(core, 'contacts.create', { displayName: 'Sam', tier: 'close' });
    expect((await firstView(core, sam.id)).snoozedUntil).toBeUndefined();
    await call(core, 'reminders.snooze', { personId: sam.id, days: 7 });
    expect((await firstView(core, sam.id)).snoozedUntil).toBe('2026-03-08');
    await call(core, 'reminders.done', { personId: sam.id, type: 'call' });
    expect((await firstView(core, sam.id)).snoozedUntil).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { inArea } from '../area.ts';
import { openTestCore } from '../testing/test-core.ts';

/** Values a sync merge set aside, as the person page settles them. */
async function personWithSetAside(value: unknown = 'Met at the Analytical Society') {
  const t = await openTestCore();
  const ada = await t.call('contacts.create', { displayName: 'Ada Lovelace', notes: 'Newer notes' });
  const conflict = {
    id: 'notes@2026-03-18T11:00:00.000Z',
    field: 'notes',
    value,
    editedAt: '2026-03-18T11:00:00.000Z',
  };
  // As a sync merge leaves it: the winner in place, the loser in `conflicts`.
  await inArea('people', () => t.core.db.contacts.findOne(ada.id).incrementalPatch({ conflicts: [conflict] }));
  return { t, ada, conflict };
}

describe('set-aside values on the person page', () => {
  it('shows them, puts one back on request, and forgets it', async () => {
    const { t, ada, conflict } = await personWithSetAside();
    expect((await t.next('person.watch', { id: ada.id })).setAside).toEqual([conflict]);
    const used = await t.call('contacts.settleSetAside', { id: ada.id, conflictId: conflict.id, choice: 'use' });
    expect(used.notes).toBe('Met at the Analytical Society');
    const view = await t.next('person.watch', { id: ada.id }, (v) => v.setAside.length === 0);
    expect(view.contact.notes).toBe('Met at the Analytical Society');
  });

  it('keeps the current value when dismissed, and says so when the record is already gone', async () => {
    const { t, ada, conflict } = await personWithSetAside();
    await t.call('contacts.settleSetAside', { id: ada.id, conflictId: conflict.id, choice: 'dismiss' });
    expect((await t.call('contacts.get', { id: ada.id })).notes).toBe('Newer notes');
    const again = await t.core.request('contacts.settleSetAside', {
      id: ada.id,
      conflictId: conflict.id,
      choice: 'use',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a set-aside value that is not a valid person field, and keeps it', async () => {
    const { t, ada, conflict } = await personWithSetAside(42);
    const refused = await t.core.request('contacts.settleSetAside', {
      id: ada.id,
      conflictId: conflict.id,
      choice: 'use',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/notes/) },
    });
    expect((await t.next('person.watch', { id: ada.id })).setAside).toHaveLength(1);
  });
});

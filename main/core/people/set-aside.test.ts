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

describe('set-aside values on interactions and details', () => {
  const at = '2026-03-18T11:00:00.000Z';

  it('shows an interaction’s on its timeline entry, and a date put back moves it in the timeline', async () => {
    const t = await openTestCore();
    const ada = await t.call('contacts.create', { displayName: 'Ada Lovelace' });
    const coffee = await t.call('interactions.log', {
      interaction: { type: 'coffee', date: '2026-03-20', contactIds: [ada.id], notes: 'Newer notes' },
    });
    const conflict = { id: `date@${at}`, field: 'date', value: '2026-03-02', editedAt: at };
    await inArea('interactions', () =>
      t.core.db.interactions.findOne(coffee.id).incrementalPatch({ conflicts: [conflict] }),
    );
    const [entry] = (await t.call('timeline.page', { filter: { contactId: ada.id }, offset: 0, limit: 10 })).entries;
    expect(entry!.setAside).toEqual([conflict]);

    const used = await t.call('interactions.settleSetAside', { id: coffee.id, conflictId: conflict.id, choice: 'use' });
    expect(used.date).toBe('2026-03-02');
    const stored = await t.core.db.interactions.findOne(coffee.id).exec();
    expect(stored!.sortKey.startsWith('2026-03-02')).toBe(true);
    expect(stored!.conflicts).toEqual([]);
    const [after] = (await t.call('timeline.page', { filter: {}, offset: 0, limit: 10 })).entries;
    expect(after).toMatchObject({ date: '2026-03-02' });
    expect(after!.setAside).toBeUndefined();
  });

  it('refuses an interaction value that is not valid, and keeps it', async () => {
    const t = await openTestCore();
    const ada = await t.call('contacts.create', { displayName: 'Ada Lovelace' });
    const coffee = await t.call('interactions.log', {
      interaction: { type: 'coffee', date: '2026-03-20', contactIds: [ada.id] },
    });
    const conflict = { id: `date@${at}`, field: 'date', value: 'last Tuesday', editedAt: at };
    await inArea('interactions', () =>
      t.core.db.interactions.findOne(coffee.id).incrementalPatch({ conflicts: [conflict] }),
    );
    const refused = await t.core.request('interactions.settleSetAside', {
      id: coffee.id,
      conflictId: conflict.id,
      choice: 'use',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/date/) },
    });
    expect((await t.core.db.interactions.findOne(coffee.id).exec())!.conflicts).toEqual([conflict]);
  });

  it('lists a detail’s on the person page, resolved or open, until settled', async () => {
    const t = await openTestCore();
    const ada = await t.call('contacts.create', { displayName: 'Ada Lovelace' });
    const detail = await t.call('details.add', {
      contactId: ada.id,
      text: 'New puppy Biscuit',
      learnedOn: '2026-03-01',
      sensitivity: 'normal',
      status: 'open',
    });
    await t.call('details.resolve', { id: detail.id });
    const conflict = { id: `text@${at}`, field: 'text', value: 'New puppy called Biscuit', editedAt: at };
    await inArea('details', () => t.core.db.details.findOne(detail.id).incrementalPatch({ conflicts: [conflict] }));
    const view = await t.next('person.watch', { id: ada.id }, (v) => v.detailsSetAside.length > 0);
    expect(view.detailsSetAside).toEqual([
      { detail: expect.objectContaining({ id: detail.id, text: 'New puppy Biscuit' }), values: [conflict] },
    ]);

    const used = await t.call('details.settleSetAside', { id: detail.id, conflictId: conflict.id, choice: 'use' });
    expect(used).toMatchObject({ text: 'New puppy called Biscuit', status: 'resolved' });
    await t.next('person.watch', { id: ada.id }, (v) => v.detailsSetAside.length === 0);
  });
});

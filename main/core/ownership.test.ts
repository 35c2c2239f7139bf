import { describe, expect, it } from 'vitest';
import { inArea } from './area.ts';
import { OwnershipViolation } from './ownership.ts';
import { rawContact, WRITTEN_AT } from './testing/documents.ts';
import { openTestCore } from './testing/test-core.ts';

const person = (id: string) => rawContact(id, { displayName: 'Ada Lovelace' });

describe('one owner per collection', () => {
  it('refuses a write by an area that does not own the collection, or by code outside any area', async () => {
    const { core } = await openTestCore();
    await expect(inArea('interactions', () => core.db.contacts.insert(person('p1')))).rejects.toBeInstanceOf(
      OwnershipViolation,
    );
    await expect(core.db.contacts.insert(person('p2'))).rejects.toThrow(/code outside any area wrote "contacts"/);
    await expect(
      inArea('people', () =>
        core.db.participations.insert({ id: 'x:p1', interactionId: 'x', contactId: 'p1', sortKey: 'k' }),
      ),
    ).rejects.toThrow(/people wrote "participations", which belongs to projection/);
    expect(await core.db.contacts.count().exec()).toBe(0);
  });

  it('lets the owner write, and replication write synced source collections but not derived or local ones', async () => {
    const { core } = await openTestCore();
    await inArea('people', () => core.db.contacts.insert(person('p1')));
    await inArea('replication', () => core.db.contacts.insert(person('p2')));
    await expect(
      inArea('replication', () =>
        core.db.people_index.insert({
          id: 'p3',
          displayName: 'x',
          sortName: 'x',
          tags: [],
          archived: false,
          addedOn: '2026-03-01',
          lastInteractionOn: '',
          rhythm: '',
          clockFrom: '2026-03-01',
          birthdayOn: '',
        }),
      ),
    ).rejects.toBeInstanceOf(OwnershipViolation);
    await expect(
      inArea('replication', () => core.db.trash.insert({ id: 't', label: 'x', deletedAt: WRITTEN_AT, payload: {} })),
    ).rejects.toBeInstanceOf(OwnershipViolation);
    expect(await core.db.contacts.count().exec()).toBe(2);
  });

  it('holds for every area while the core works through a day of use (the guard is on in every test core)', async () => {
    const t = await openTestCore();
    const ada = await t.call('contacts.create', { displayName: 'Ada Lovelace', tags: ['maths'] });
    const grace = await t.call('contacts.create', { displayName: 'Grace Hopper' });
    await t.call('interactions.log', {
      interaction: { type: 'coffee', date: '2026-03-10', contactIds: [ada.id] },
      newPeople: ['Alan Turing'],
      details: [{ text: 'new puppy Biscuit' }],
    });
    await t.call('contacts.merge', {
      primaryId: ada.id,
      secondaryId: grace.id,
      fields: { ...ada, displayName: 'Ada' },
    });
    const { undoToken } = await t.call('contacts.delete', { ids: [ada.id] });
    await t.call('undo.apply', { token: undoToken });
    await t.call('reminders.snooze', { personId: ada.id, days: 7 });
    await t.call('practice.saveLadder', { fields: { name: 'Meet-ups', steps: [{ text: 'Say hello', suds: 3 }] } });
    await t.call('starters.toggleFavourite', { starterId: 'x', favourite: true });
    await t.call('backup.runNow', {});
    expect((await t.call('contacts.get', { id: ada.id })).displayName).toBe('Ada');
  });
});

import { describe, expect, it } from 'vitest';
import { openCore } from '../backup/test-helpers.ts';

describe('Set rhythm for many people', () => {
  it('gives everyone the tier, drops their own cadence, and undo puts each previous rhythm back', async () => {
    const core = await openCore();
    const a = await core.call('contacts.create', { displayName: 'Ada', tier: 'yearly' });
    const b = await core.call('contacts.create', {
      displayName: 'Bo',
      cadence: { idealDays: 5, maxDays: 9 },
    });
    const c = await core.call('contacts.create', { displayName: 'Cy' });
    const set = await core.call('contacts.setTier', {
      ids: [a.id, b.id, c.id],
      tier: 'close',
    });
    expect(set.changed).toBe(3);
    for (const id of [a.id, b.id, c.id]) {
      const person = await core.call('contacts.get', { id });
      expect([person.tier, person.cadence]).toEqual(['close', undefined]);
    }
    await core.call('undo.apply', { token: set.undoToken });
    expect((await core.call('contacts.get', { id: a.id })).tier).toBe('yearly');
    expect((await core.call('contacts.get', { id: b.id })).cadence).toEqual({ idealDays: 5, maxDays: 9 });
    expect((await core.call('contacts.get', { id: c.id })).tier).toBeUndefined();
  });

  it('removes the rhythm with tier null', async () => {
    const core = await openCore();
    const a = await core.call('contacts.create', { displayName: 'Ada', tier: 'yearly' });
    await core.call('contacts.setTier', { ids: [a.id], tier: null });
    expect((await core.call('contacts.get', { id: a.id })).tier).toBeUndefined();
  });
});

describe('not a duplicate', () => {
  it('stops suggesting a pair once the user says they are different people', async () => {
    const core = await openCore();
    const one = await core.call('contacts.create', {
      displayName: 'Priya Nair',
      emails: [{ value: 'p@x.org' }],
    });
    const two = await core.call('contacts.create', {
      displayName: 'Priya Nair',
      emails: [{ value: 'p@x.org' }],
    });
    expect(await core.call('contacts.duplicates', {})).toHaveLength(1);
    await core.call('contacts.dismissDuplicate', { ids: [two.id, one.id] });
    expect(await core.call('contacts.duplicates', {})).toEqual([]);
  });
});

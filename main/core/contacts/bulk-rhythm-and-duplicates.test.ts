import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/domain/contact.ts';
import { call, closeAll, openCore } from '../backup/test-helpers.ts';

afterEach(closeAll);

describe('Set rhythm for many people', () => {
  it('gives everyone the tier, drops their own cadence, and undo puts each previous rhythm back', async () => {
    const core = await openCore();
    const a = await call<Contact>(core, 'contacts.create', { displayName: 'Ada', tier: 'yearly' });
    const b = await call<Contact>(core, 'contacts.create', {
      displayName: 'Bo',
      cadence: { idealDays: 5, maxDays: 9 },
    });
    const c = await call<Contact>(core, 'contacts.create', { displayName: 'Cy' });
    const set = await call<{ changed: number; undoToken: string }>(core, 'contacts.setTier', {
      ids: [a.id, b.id, c.id],
      tier: 'close',
    });
    expect(set.changed).toBe(3);
    for (const id of [a.id, b.id, c.id]) {
      const person = await call<Contact>(core, 'contacts.get', { id });
      expect([person.tier, person.cadence]).toEqual(['close', undefined]);
    }
    await call(core, 'undo.apply', { token: set.undoToken });
    expect((await call<Contact>(core, 'contacts.get', { id: a.id })).tier).toBe('yearly');
    expect((await call<Contact>(core, 'contacts.get', { id: b.id })).cadence).toEqual({ idealDays: 5, maxDays: 9 });
    expect((await call<Contact>(core, 'contacts.get', { id: c.id })).tier).toBeUndefined();
  });

  it('removes the rhythm with tier null', async () => {
    const core = await openCore();
    const a = await call<Contact>(core, 'contacts.create', { displayName: 'Ada', tier: 'yearly' });
    await call(core, 'contacts.setTier', { ids: [a.id], tier: null });
    expect((await call<Contact>(core, 'contacts.get', { id: a.id })).tier).toBeUndefined();
  });
});

describe('not a duplicate', () => {
  it('stops suggesting a pair once the user says they are different people', async () => {
    const core = await openCore();
    const one = await call<Contact>(core, 'contacts.create', {
      displayName: 'Priya Nair',
      emails: [{ value: 'p@x.org' }],
    });
    const two = await call<Contact>(core, 'contacts.create', {
      displayName: 'Priya Nair',
      emails: [{ value: 'p@x.org' }],
    });
    expect(await call<unknown[]>(core, 'contacts.duplicates', {})).toHaveLength(1);
    await call(core, 'contacts.dismissDuplicate', { ids: [two.id, one.id] });
    expect(await call<unknown[]>(core, 'contacts.duplicates', {})).toEqual([]);
  });
});

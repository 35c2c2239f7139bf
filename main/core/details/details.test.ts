import { describe, expect, it } from 'vitest';
import { openTestCore } from '../testing/test-core.ts';

describe('details', () => {
  it('refuses a detail that names an interaction which does not exist', async () => {
    const t = await openTestCore();
    const sam = await t.call('contacts.create', { displayName: 'Sam' });
    const refused = await t.core.request('details.add', {
      contactId: sam.id,
      text: 'new puppy Biscuit',
      learnedOn: '2026-03-01',
      interactionId: 'no-such-interaction',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: [{ path: ['interactionId'] }] },
    });
    const coffee = await t.call('interactions.log', {
      interaction: { type: 'coffee', date: '2026-03-01', contactIds: [sam.id] },
      newPeople: [],
      details: [],
    });
    const added = await t.call('details.add', {
      contactId: sam.id,
      text: 'new puppy Biscuit',
      learnedOn: '2026-03-01',
      interactionId: coffee.id,
    });
    expect(added.interactionId).toBe(coffee.id);
  });
});

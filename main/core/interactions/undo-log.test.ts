import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../testing/test-core.ts';

let t: TestCore;
afterEach(() => t.dispose());

/** Logs a coffee with Sam and a new person, Noor, learning a detail about each; returns the ids. */
async function coffeeWithNewNoor() {
  t = await openTestCore({ now: '2026-03-10T12:00:00Z' });
  const sam = await t.call('contacts.create', { displayName: 'Sam Okafor' });
  const logged = await t.call('interactions.log', {
    interaction: { type: 'coffee', date: '2026-03-10', contactIds: [sam.id] },
    newPeople: ['Noor Haddad'],
    details: [
      { text: 'New puppy called Biscuit', contactId: sam.id },
      { text: 'Starting at the museum in April', contactId: sam.id },
    ],
  });
  const noor = logged.contactIds.find((id) => id !== sam.id)!;
  const people = async () => (await t.call('people.refs', { ids: [sam.id, noor] })).map((p) => p.displayName);
  const details = async () =>
    (await t.call('details.listOpen', { contactIds: [sam.id, noor] })).map((d) => d.text).sort();
  return { sam, noor, logged, people, details };
}

describe('undoing a log', () => {
  it('takes back the interaction, the details learned in it and the person it added', async () => {
    const { sam, noor, logged, people, details } = await coffeeWithNewNoor();
    expect(await people()).toEqual(['Sam Okafor', 'Noor Haddad']);

    expect(await t.call('interactions.undoLog', { id: logged.id, newPeople: [noor] })).toEqual({ kept: [] });
    expect(await people()).toEqual(['Sam Okafor']);
    expect(await details()).toEqual([]);
    const page = await t.call('timeline.page', { filter: { contactId: sam.id }, offset: 0, limit: 10 });
    expect(page.entries).toEqual([]);
    await expect(t.call('interactions.undoLog', { id: logged.id, newPeople: [noor] })).rejects.toThrow(
      /no longer logged/,
    );
  });

  it('keeps what was done since: a person edited, a detail asked about', async () => {
    const { sam, noor, logged, people, details } = await coffeeWithNewNoor();
    t.clock.set('2026-03-10T12:05:00Z');
    const noorNow = await t.call('contacts.get', { id: noor });
    await t.call('contacts.update', { id: noor, fields: { ...noorNow, organisation: 'City Museum' } });
    const biscuit = (await t.call('details.listOpen', { contactIds: [sam.id] })).find((d) =>
      d.text.includes('Biscuit'),
    );
    await t.call('details.resolve', { id: biscuit!.id });

    expect(await t.call('interactions.undoLog', { id: logged.id, newPeople: [noor] })).toEqual({
      kept: ['Noor Haddad'],
    });
    expect(await people()).toEqual(['Sam Okafor', 'Noor Haddad']);
    // The untouched detail went with the log; the one asked about since stays.
    expect(await details()).toEqual([]);
    await t.call('details.reopen', { id: biscuit!.id });
    expect(await details()).toEqual(['New puppy called Biscuit']);
  });

  it('leaves an interaction edited since as it is now', async () => {
    const { sam, noor, logged, people } = await coffeeWithNewNoor();
    t.clock.set('2026-03-10T12:05:00Z');
    await t.call('interactions.update', {
      id: logged.id,
      fields: { ...logged, notes: 'Added on the phone' },
    });
    await expect(t.call('interactions.undoLog', { id: logged.id, newPeople: [noor] })).rejects.toThrow(/changed since/);
    expect(await people()).toEqual(['Sam Okafor', 'Noor Haddad']);
    const page = await t.call('timeline.page', { filter: { contactId: sam.id }, offset: 0, limit: 10 });
    expect(page.entries).toHaveLength(1);
  });
});

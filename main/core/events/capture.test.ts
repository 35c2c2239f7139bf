import { describe, expect, it } from 'vitest';
import { openTestCore } from '../testing/test-core.ts';

async function setup() {
  const t = await openTestCore({ now: '2026-03-18T09:00:00Z' });
  const event = await t.call('events.create', {
    fields: { kind: 'conference', name: 'DevConf Leeds', startsOn: '2026-03-18' },
  });
  const sam = await t.call('contacts.create', {
    displayName: 'Samira Okafor',
    organisation: 'Acme',
    emails: [{ value: 'samira@acme.example' }],
    howWeMet: 'Worked together at Acme',
  });
  return { t, event, sam };
}

describe('quick capture of someone already known', () => {
  it('offers them by email or a near-identical name, never by a first name alone', async () => {
    const { t, sam } = await setup();
    await t.call('contacts.create', { displayName: 'Sam Lee' });
    const byEmail = await t.call('events.captureMatches', { name: 'S. Okafor', followUp: 'SAMIRA@acme.example ' });
    expect(byEmail).toEqual([{ id: sam.id, displayName: 'Samira Okafor', organisation: 'Acme', reasons: ['email'] }]);
    const byName = await t.call('events.captureMatches', { name: 'Samira Okafr' });
    expect(byName.map((m) => [m.displayName, m.reasons])).toEqual([['Samira Okafor', ['name']]]);
    expect(await t.call('events.captureMatches', { name: 'Sam' })).toEqual([]);
    expect(await t.call('events.captureMatches', { name: 'Priya Natarajan' })).toEqual([]);
  });

  it('logs meeting them on their own record and adds only the new ways to reach them', async () => {
    const { t, event, sam } = await setup();
    const before = await t.core.db.contacts.count().exec();
    const { contactId, interactionId } = await t.call('events.capture', {
      eventId: event.id,
      contactId: sam.id,
      name: 'Samira Okafor',
      detail: 'Moving to Berlin in May',
      followUp: 'samira@acme.example',
      phone: '+44 7700 900123',
    });
    expect(contactId).toBe(sam.id);
    expect(await t.core.db.contacts.count().exec()).toBe(before);
    const person = await t.call('contacts.get', { id: sam.id });
    expect(person.emails).toEqual([{ value: 'samira@acme.example' }]);
    expect(person.phones).toEqual([{ value: '+44 7700 900123' }]);
    // Their story stays theirs: how you met is not rewritten by a later meeting.
    expect(person.howWeMet).toBe('Worked together at Acme');
    const [entry] = (await t.call('timeline.page', { filter: { contactId: sam.id }, offset: 0, limit: 5 })).entries;
    expect(entry).toMatchObject({ id: interactionId, eventId: event.id, type: 'conference' });
    const view = await t.next('person.watch', { id: sam.id }, (v) => v.openDetails.length === 1);
    expect(view.openDetails[0]!.text).toBe('Moving to Berlin in May');
  });

  it('says so when the person chosen no longer exists', async () => {
    const { t, event } = await setup();
    const result = await t.core.request('events.capture', { eventId: event.id, contactId: 'gone', name: 'Someone' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

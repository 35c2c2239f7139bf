import { describe, expect, it } from 'vitest';
import { dataFolder, filesIn } from './lifecycle/data-folder.ts';
import { openTestCore } from './testing/test-core.ts';

async function setup(today = '2026-03-10T12:00:00Z') {
  const t = await openTestCore({ now: today });
  const { core, clock, call } = t;
  /** The first value a live query pushes. */
  const first = t.next;
  const person = (displayName: string, extra: Record<string, unknown> = {}) =>
    call('contacts.create', { displayName, ...extra });
  const log = (contactIds: string[], date: string, extra: Record<string, unknown> = {}) =>
    call('interactions.log', {
      interaction: { type: 'coffee', date, contactIds, ...extra },
      newPeople: [],
      details: [],
    });
  return { core, clock, call, first, person, log };
}

describe('logging interactions', () => {
  it('creates a new person in the same step, stores the detail, and starts their clock', async () => {
    const { call, first } = await setup();
    const logged = await call('interactions.log', {
      interaction: { type: 'coffee', date: '2026-03-09', contactIds: [] },
      newPeople: ['Sam Okafor'],
      details: [{ text: 'new puppy Biscuit' }],
    });
    const [sam] = logged.contactIds;
    const view = await first('person.watch', { id: sam! });
    expect(view.lastInteractionOn).toBe('2026-03-09');
    expect(view.openDetails).toMatchObject([
      { text: 'new puppy Biscuit', learnedOn: '2026-03-09', interactionId: logged.id },
    ]);
  });

  it('undoes the new person and the interaction when a later write of the same log fails', async () => {
    const { core, call } = await setup();
    const details = core.db.details;
    const insert = details.bulkInsert.bind(details);
    details.bulkInsert = () => Promise.reject(new Error('disk went away'));
    try {
      const result = await core.requestUnchecked('interactions.log', {
        interaction: { type: 'coffee', date: '2026-03-09', contactIds: [] },
        newPeople: ['Sam Okafor'],
        details: [{ text: 'new puppy Biscuit' }],
      });
      expect(result.ok).toBe(false);
    } finally {
      details.bulkInsert = insert;
    }
    expect((await call('timeline.page', { filter: {}, offset: 0, limit: 10 })).entries).toEqual([]);
    expect(await core.db.contacts.count().exec()).toBe(0);
    expect(filesIn(dataFolder(core.dataDir).journal)).toEqual([]);
  });

  it('rejects a log with nobody in it, naming the field', async () => {
    const { core } = await setup();
    const result = await core.requestUnchecked('interactions.log', {
      interaction: { type: 'call', date: '2026-03-09', contactIds: [] },
      newPeople: [],
      details: [],
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        details: [{ path: ['interaction', 'contactIds'], message: 'Choose at least one person' }],
      },
    });
  });

  it('refuses people who do not exist', async () => {
    const { core } = await setup();
    const result = await core.requestUnchecked('interactions.log', {
      interaction: { type: 'call', date: '2026-03-09', contactIds: ['ghost'] },
    });
    expect(result.ok ? '' : result.error.message).toMatch(/no longer exist/);
  });
});

describe('timeline pages', () => {
  it('lists newest first, globally and per person, with names', async () => {
    const { call, person, log } = await setup();
    const ada = await person('Ada');
    const bo = await person('Bo');
    await log([ada.id], '2026-01-05', { notes: 'first' });
    await log([ada.id, bo.id], '2026-02-01', { time: '09:30', notes: 'group' });
    await log([bo.id], '2026-02-01', { notes: 'untimed, same day' });
    await log([ada.id], '2026-03-01', { type: 'call', notes: 'latest' });

    const all = await call('timeline.page', { filter: {}, offset: 0, limit: 10 });
    expect(all.entries.map((e) => e.notes)).toEqual(['latest', 'untimed, same day', 'group', 'first']);
    expect(all.entries[2]!.people.map((p) => p.displayName)).toEqual(['Ada', 'Bo']);

    const adas = await call('timeline.page', { filter: { contactId: ada.id }, offset: 0, limit: 2 });
    expect(adas.entries.map((e) => e.notes)).toEqual(['latest', 'group']);
    expect(adas.hasMore).toBe(true);
    const calls = await call('timeline.page', { filter: { types: ['call'] }, offset: 0, limit: 10 });
    expect(calls.entries.map((e) => e.notes)).toEqual(['latest']);

    // Names are as they are now: a rename shows at once, and an archived person keeps theirs.
    await call('contacts.update', { id: bo.id, fields: { displayName: 'Bo Diddley' } });
    await call('contacts.archive', { ids: [ada.id], archived: true });
    const renamed = await call('timeline.page', { filter: { contactId: bo.id }, offset: 0, limit: 10 });
    expect(renamed.entries.map((e) => e.people.map((p) => p.displayName))).toEqual([
      ['Bo Diddley'],
      ['Ada', 'Bo Diddley'],
    ]);
  });

  it('filters by tag through the tagged people', async () => {
    const { call, person, log } = await setup();
    const ada = await person('Ada', { tags: ['mentor'] });
    const bo = await person('Bo');
    await log([ada.id], '2026-01-05', { notes: 'with mentor' });
    await log([bo.id], '2026-01-06', { notes: 'not tagged' });
    const page = await call('timeline.page', { filter: { tag: 'mentor' }, offset: 0, limit: 10 });
    expect(page.entries.map((e) => e.notes)).toEqual(['with mentor']);
    // The list is kept between pages; a new tag, a new entry or a new type shows at the next ask.
    const notes = async (filter: { tag: string; types?: ('call' | 'email')[] }) =>
      (await call('timeline.page', { filter, offset: 0, limit: 10 })).entries.map((e) => e.notes);
    await call('contacts.update', { id: bo.id, fields: { displayName: 'Bo', tags: ['mentor'] } });
    expect(await notes({ tag: 'mentor' })).toEqual(['not tagged', 'with mentor']);
    const logged = await log([ada.id], '2026-01-07', { notes: 'newest' });
    expect(await notes({ tag: 'mentor' })).toEqual(['newest', 'not tagged', 'with mentor']);
    expect(await notes({ tag: 'mentor', types: ['email'] })).toEqual([]);
    const { id: _id, ...fields } = logged;
    await call('interactions.update', { id: logged.id, fields: { ...fields, type: 'email' } });
    expect(await notes({ tag: 'mentor', types: ['email'] })).toEqual(['newest']);
  });
});

describe('keep-in-touch status and the Due view', () => {
  it('moves a person from on track to due to overdue as the clock passes their cadence, and back on a new log', async () => {
    const { clock, first, person, log } = await setup('2026-03-10T12:00:00Z');
    const sam = await person('Sam', { tier: 'close' });
    await log([sam.id], '2026-03-10');
    const lanes = async () => {
      const l = await first('reminders.watchToday', {});
      return {
        overdue: l.overdue.map((p) => p.id),
        due: l.due.map((p) => p.id),
        thisWeek: l.thisWeek.map((p) => p.id),
      };
    };
    expect(await lanes()).toEqual({ overdue: [], due: [], thisWeek: [] });
    clock.set('2026-03-27T12:00:00Z'); // close: due after 21 days, so 31 March is within a week
    expect(await lanes()).toEqual({ overdue: [], due: [], thisWeek: [sam.id] });
    clock.set('2026-04-01T12:00:00Z');
    expect(await lanes()).toEqual({ overdue: [], due: [sam.id], thisWeek: [] });
    clock.set('2026-04-20T12:00:00Z');
    expect(await lanes()).toEqual({ overdue: [sam.id], due: [], thisWeek: [] });
    await log([sam.id], '2026-04-20', { type: 'call' });
    expect(await lanes()).toEqual({ overdue: [], due: [], thisWeek: [] });
  });
});

describe('deleting people', () => {
  it('removes their details and solo interactions, keeps shared ones for the others, and undo restores everything', async () => {
    const { call, person, log, first } = await setup();
    const ada = await person('Ada');
    const bo = await person('Bo');
    await log([ada.id], '2026-01-05', { notes: 'solo' });
    await log([ada.id, bo.id], '2026-02-01', { notes: 'shared' });
    await call('details.add', { contactId: ada.id, text: 'runs marathons', learnedOn: '2026-01-05' });

    const { undoToken } = await call('contacts.delete', { ids: [ada.id] });
    const afterDelete = await call('timeline.page', { filter: {}, offset: 0, limit: 10 });
    expect(afterDelete.entries.map((e) => [e.notes, e.people.map((p) => p.displayName)])).toEqual([['shared', ['Bo']]]);
    expect(await call('details.listOpen', { contactIds: [ada.id] })).toEqual([]);

    await call('undo.apply', { token: undoToken });
    const restored = await call('timeline.page', { filter: {}, offset: 0, limit: 10 });
    expect(restored.entries.map((e) => [e.notes, e.people.map((p) => p.displayName)])).toEqual([
      ['shared', ['Ada', 'Bo']],
      ['solo', ['Ada']],
    ]);
    expect((await call('details.listOpen', { contactIds: [ada.id] })).map((d) => d.text)).toEqual(['runs marathons']);
    expect((await first('person.watch', { id: ada.id })).lastInteractionOn).toBe('2026-02-01');
    const again = await call('contacts.get', { id: ada.id });
    expect(again.displayName).toBe('Ada');
  });

  it('bulk tags and archives, hiding archived people from the list', async () => {
    const { call, person, first } = await setup();
    const ada = await person('Ada');
    const bo = await person('Bo', { tags: ['old'] });
    expect(await call('contacts.retag', { ids: [ada.id, bo.id], add: ['conference'], remove: ['old'] })).toEqual({
      changed: 2,
    });
    expect((await call('contacts.get', { id: bo.id })).tags).toEqual(['conference']);
    await call('contacts.archive', { ids: [bo.id], archived: true });
    const list = await first('contacts.watch', {});
    expect(list.map((p) => p.displayName)).toEqual(['Ada']);
  });
});

describe('merging duplicates', () => {
  it('suggests people with the same email and moves the interactions and details to the one kept', async () => {
    const { call, person, log } = await setup();
    const a = await person('Ada Lovelace', { emails: [{ value: 'ada@example.org' }] });
    const b = await person('A. Lovelace', {
      emails: [{ value: 'ADA@example.org' }],
      phones: [{ value: '07700 900123' }],
    });
    await log([b.id], '2026-01-05', { notes: 'met at the meetup' });
    await call('details.add', { contactId: b.id, text: 'likes chess', learnedOn: '2026-01-05' });

    const candidates = await call('contacts.duplicates', {});
    expect(candidates).toMatchObject([{ reasons: ['email'] }]);

    await call('contacts.merge', {
      primaryId: a.id,
      secondaryId: b.id,
      fields: {
        displayName: 'Ada Lovelace',
        emails: [{ value: 'ada@example.org' }],
        phones: [{ value: '07700 900123' }],
      },
    });
    const page = await call('timeline.page', { filter: { contactId: a.id }, offset: 0, limit: 10 });
    expect(page.entries.map((e) => e.notes)).toEqual(['met at the meetup']);
    expect((await call('details.listOpen', { contactIds: [a.id] })).map((d) => d.text)).toEqual(['likes chess']);
    expect((await call('contacts.get', { id: a.id })).phones).toEqual([{ value: '07700 900123' }]);
    expect(await call('contacts.duplicates', {})).toEqual([]);
  });
});

describe('search', () => {
  it('finds a person by a remembered detail and by interaction notes, people first', async () => {
    const { call } = await setup();
    await call('interactions.log', {
      interaction: { type: 'coffee', date: '2026-03-09', contactIds: [], notes: 'Biscuit chewed the laptop cable' },
      newPeople: ['Sam Okafor'],
      details: [{ text: 'new puppy Biscuit' }],
    });
    const hits = await call('search.query', { q: 'bisc', limit: 10 });
    expect(hits.map((h) => [h.kind, h.title])).toEqual([
      ['detail', 'Sam Okafor'],
      ['interaction', 'Sam Okafor'],
    ]);
    const [hit] = hits;
    expect(hit!.snippet.slice(hit!.highlights[0]![0], hit!.highlights[0]![1]).toLowerCase()).toBe('bisc');
  });

  it('sees people added after the index was built', async () => {
    const { call, person } = await setup();
    expect(await call('search.query', { q: 'zebedee', limit: 5 })).toEqual([]);
    await person('Zebedee Quill');
    await new Promise((r) => setTimeout(r, 20));
    expect((await call('search.query', { q: 'zebedee', limit: 5 })).map((h) => h.title)).toEqual(['Zebedee Quill']);
  });
});

import { describe, expect, it } from 'vitest';
import { retiredStarterIds as retiredStarterIdsOf } from '../../../shared/content/library.ts';
import type { Channel } from '../../../shared/content/schema.ts';
import { inArea } from '../area.ts';
import { firstNameOf } from './starters-service.ts';
import { useCore } from './test-helpers.ts';

const retiredStarterIds = retiredStarterIdsOf();

const setup = useCore();
const CHANNELS: (Channel | undefined)[] = [
  undefined,
  'in-person',
  'email',
  'message',
  'linkedin',
  'social',
  'phone',
  'any',
];

describe('starters.suggestFor', () => {
  it('mentions the person’s open detail by their first name', async () => {
    const { call, person, detail } = await setup();
    const sam = await person('Sam Okafor');
    const biscuit = await detail(sam.id, 'the new puppy Biscuit');
    const out = await call('starters.suggestFor', { contactId: sam.id });
    expect(out[0]!.text).toContain('Biscuit');
    expect(out[0]!.usesDetailId).toBe(biscuit.id);
    expect(out.some((s) => s.text.includes('Sam'))).toBe(true);
  });

  it('never uses a sensitive, resolved or expired detail, on any channel or gap since last speaking', async () => {
    const { call, person, detail } = await setup('2026-03-18T12:00:00Z');
    const ana = await person('Ana Ruiz');
    await detail(ana.id, 'the Zanzibar diagnosis', { sensitivity: 'sensitive' });
    const done = await detail(ana.id, 'the Quimper interview');
    await call('details.resolve', { id: done.id });
    await detail(ana.id, 'the Oslo move', { status: 'expired' });
    for (const date of [undefined, '2024-01-01', '2026-03-17']) {
      if (date)
        await call('interactions.log', {
          interaction: { type: 'conference', title: 'DevConf Leeds', date, contactIds: [ana.id] },
        });
      for (const channel of CHANNELS) {
        const out = await call('starters.suggestFor', { contactId: ana.id, channel, limit: 20 });
        for (const s of out) expect(s.text).not.toMatch(/Zanzibar|Quimper|Oslo/);
        for (const s of out) expect(s.usesDetailId).toBeUndefined();
      }
    }
  });

  it('never leaves a placeholder in any suggestion, whatever is known about the person', async () => {
    const { call, person, detail } = await setup('2026-03-18T12:00:00Z');
    const people = [await person('Bo'), await person('Cleo Park', { nickname: 'Clee' }), await person('Dev Shah')];
    await detail(people[1]!.id, 'her pottery class');
    await call('interactions.log', {
      interaction: { type: 'meet-up', title: 'Leeds JS', date: '2026-03-17', contactIds: [people[2]!.id] },
    });
    await call('interactions.log', { interaction: { type: 'call', date: '2024-06-01', contactIds: [people[0]!.id] } });
    // An own starter with every placeholder must obey the same rule.
    const own = await call('starters.saveOwn', {
      fields: {
        text: 'Hi [name], since [event] I keep thinking about [detail]',
        situation: 'offer-help',
        channel: 'any',
      },
    });
    await call('starters.toggleFavourite', { starterId: own.id, favourite: true });
    for (const p of people) {
      for (const channel of CHANNELS) {
        const out = await call('starters.suggestFor', { contactId: p.id, channel, limit: 20 });
        expect(out.length).toBeGreaterThan(0);
        for (const s of out) expect(s.text).not.toMatch(/[{}]/);
      }
    }
  });

  it('uses a private detail on the person page (the main window) but still never a sensitive one', async () => {
    const { call, person, detail } = await setup();
    const sam = await person('Sam');
    await detail(sam.id, 'the Lisbon offer', { sensitivity: 'private' });
    const out = await call('starters.suggestFor', { contactId: sam.id });
    expect(out[0]!.text).toContain('Lisbon');
  });

  it('names the event of a conference two days ago in a follow-up', async () => {
    const { call, person } = await setup('2026-03-18T12:00:00Z');
    const dev = await person('Dev Shah');
    await call('interactions.log', {
      interaction: { type: 'conference', title: 'DevConf Leeds', date: '2026-03-16', contactIds: [dev.id] },
    });
    const out = await call('starters.suggestFor', { contactId: dev.id, limit: 10 });
    expect(out[0]!.situation).toBe('follow-up-48h');
    expect(out.some((s) => s.text.includes('DevConf Leeds'))).toBe(true);
  });

  it('never names a practice session as the event, after a practice at a meet-up with that person', async () => {
    const { call, person, detail } = await setup('2026-03-18T12:00:00Z');
    const dev = await person('Dev Shah');
    await detail(dev.id, 'the new puppy Biscuit');
    const planned = await call('practice.startSession', {
      date: '2026-03-18',
      task: 'Introduce myself to someone at the meet-up',
      situation: 'meet-up',
      sudsBefore: 6,
      prediction: 'Nobody will talk to me for the first ten minutes',
      beliefBefore: 60,
    });
    await call('practice.finishSession', {
      id: planned.id,
      after: {
        sudsPeak: 6,
        sudsEnd: 3,
        stayed: 'until-done',
        outcome: 'We talked about dogs',
        predictionHappened: false,
        beliefAfter: 20,
        contactId: dev.id,
      },
    });
    for (const channel of [undefined, 'in-person', 'email', 'message'] as const) {
      const out = await call('starters.suggestFor', { contactId: dev.id, channel, limit: 20 });
      expect(out.length).toBeGreaterThan(0);
      for (const s of out) expect(s.text).not.toMatch(/practice/i);
    }
    // It was still a real meeting today, so a follow-up that names no event leads.
    expect((await call('starters.suggestFor', { contactId: dev.id }))[0]!.situation).toBe('follow-up-48h');
  });

  it('offers help before asking when the user has been asking more than giving', async () => {
    const { call, person } = await setup('2026-03-18T12:00:00Z');
    const offersFor = async (asked: 'advice'[]) => {
      const someone = await person(`Ana ${asked.length}`);
      for (const date of ['2026-02-01', '2026-02-20']) {
        await call('interactions.log', { interaction: { type: 'coffee', date, contactIds: [someone.id], asked } });
      }
      const out = await call('starters.suggestFor', { contactId: someone.id, limit: 20 });
      return out.filter((s) => s.situation === 'offer-help').length;
    };
    const even = await offersFor([]);
    const owing = await offersFor(['advice']);
    expect(owing).toBeGreaterThan(even);
  });

  it('ranks a favourite own starter that can be filled first among detail starters', async () => {
    const { call, person, detail } = await setup();
    const sam = await person('Sam');
    await detail(sam.id, 'the allotment');
    const own = await call('starters.saveOwn', {
      fields: {
        text: 'Hey [name]! How are things with [detail]? I would love an update.',
        situation: 'offer-help',
      },
    });
    await call('starters.toggleFavourite', { starterId: own.id, favourite: true });
    const out = await call('starters.suggestFor', { contactId: sam.id });
    expect(out[0]).toMatchObject({
      starterId: own.id,
      text: 'Hey Sam! How are things with the allotment? I would love an update.',
    });
  });

  it('refuses an unknown person', async () => {
    const { core } = await setup();
    expect(await core.requestUnchecked('starters.suggestFor', { contactId: 'ghost' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('pushes fresh suggestions when a detail is added', async () => {
    const { watch, person, detail } = await setup();
    const sam = await person('Sam');
    const first = await watch('starters.watchSuggestions', { contactId: sam.id });
    expect(first.some((s) => s.text.includes('Biscuit'))).toBe(false);
    const updated = watch('starters.watchSuggestions', { contactId: sam.id }, (s) =>
      s.some((x) => x.text.includes('Biscuit')),
    );
    await detail(sam.id, 'the new puppy Biscuit');
    expect((await updated)[0]!.text).toContain('Biscuit');
  });
});

describe('own starters and favourites', () => {
  it('saves, lists, edits and deletes own starters, dropping a deleted one from favourites', async () => {
    const { call, watch } = await setup();
    const own = await call('starters.saveOwn', {
      fields: {
        text: 'Fancy a walk at lunch, [name]?',
        situation: 'reconnect',
        channel: 'message',
        tone: 'light',
      },
    });
    expect(own.id).toMatch(/^own-/);
    await call('starters.toggleFavourite', { starterId: own.id, favourite: true });
    await call('starters.saveOwn', {
      id: own.id,
      fields: { text: 'Fancy a coffee at lunch, [name]?', situation: 'reconnect' },
    });
    let mine = await watch('starters.watchMine', {}, (m) => m.own[0]?.text.includes('coffee') === true);
    expect(mine.favourites).toEqual([own.id]);
    const deleted = await call('starters.deleteOwn', { id: own.id });
    expect(deleted).toMatchObject({ deleted: true, wasFavourite: true });
    mine = await watch('starters.watchMine', {}, (m) => m.own.length === 0);
    expect(mine.favourites).toEqual([]);

    // Undo brings it back from the trash as it was: the same id and place (created at the same time).
    await call('undo.apply', { token: deleted.undoToken! });
    mine = await watch('starters.watchMine', {}, (m) => m.own.length === 1);
    expect(mine.own[0]).toMatchObject({
      id: own.id,
      createdAt: own.createdAt,
      text: 'Fancy a coffee at lunch, [name]?',
    });
  });

  it('stores placeholders in the one square-bracket syntax, whichever spelling was typed', async () => {
    const { call } = await setup();
    const own = await call('starters.saveOwn', {
      fields: { text: 'Hi {firstName}, how was [Event] after [time since]?', situation: 'reconnect' },
    });
    expect(own.text).toBe('Hi [name], how was [event] after [how long]?');
  });

  it.each([
    ['an unknown placeholder', 'Hi [nmae], how are you?', /Unknown placeholder \[nmae\]/],
    ['an unknown placeholder in braces', 'Hi {name}, how are you?', /Unknown placeholder \{name\}/],
    ['unbalanced brackets', 'Hi [name, how are you?', /Unbalanced/],
    ['almost nothing', 'Hi', /a few words/],
  ])('refuses %s, with a message for the field', async (_label, text, message) => {
    const { core } = await setup();
    const result = await core.requestUnchecked('starters.saveOwn', { fields: { text, situation: 'online' } });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.details?.find((d) => d.path.join('.') === 'fields.text')?.message).toMatch(message);
  });

  it('sets favourites idempotently, so a double click does not undo itself', async () => {
    const { call } = await setup();
    await call('starters.toggleFavourite', { starterId: 'reconnect-long-time-no-speak', favourite: true });
    const twice = await call('starters.toggleFavourite', {
      starterId: 'reconnect-long-time-no-speak',
      favourite: true,
    });
    expect(twice.favourites).toEqual(['reconnect-long-time-no-speak']);
    expect(
      (await call('starters.toggleFavourite', { starterId: 'reconnect-long-time-no-speak', favourite: false }))
        .favourites,
    ).toEqual([]);
  });

  it('keeps both of two stars clicked at once, and writes nothing for a star already there', async () => {
    const { core, call } = await setup();
    await Promise.all(
      ['reconnect-long-time-no-speak', 'event-small-talk-first-regulars'].map((starterId) =>
        call('starters.toggleFavourite', { starterId, favourite: true }),
      ),
    );
    const saved = await core.db.settings.findOne('starter-favourites').exec();
    expect((saved!.value as { ids: string[] }).ids.sort()).toEqual([
      'event-small-talk-first-regulars',
      'reconnect-long-time-no-speak',
    ]);
    await call('starters.toggleFavourite', { starterId: 'reconnect-long-time-no-speak', favourite: true });
    expect((await core.db.settings.findOne('starter-favourites').exec())!.revision).toBe(saved!.revision);
  });

  it('refuses to star over favourites this version cannot read, instead of emptying them', async () => {
    const { core } = await setup();
    // As a newer version on another device might keep them.
    const newer = { ids: [{ id: 'reconnect-long-time-no-speak', pinned: true }] };
    await inArea('replication', () =>
      core.db.settings.upsert({ id: 'starter-favourites', value: newer, updatedAt: '2026-03-18T12:00:00.000Z' }),
    );
    const refused = await core.request('starters.toggleFavourite', {
      starterId: 'event-small-talk-first-regulars',
      favourite: true,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/^Rapport could not read your favourite starters as saved/);
    expect((await core.db.settings.findOne('starter-favourites').exec())!.value).toEqual(newer);
  });

  it('un-starring a line also removes a favourite kept under the retired id it replaced', async () => {
    const { call } = await setup();
    const [retired, replacement] = Object.entries(retiredStarterIds).find(([, to]) => to !== null)!;
    await call('starters.toggleFavourite', { starterId: retired, favourite: true });
    await call('starters.toggleFavourite', { starterId: 'reconnect-long-time-no-speak', favourite: true });
    const after = await call('starters.toggleFavourite', { starterId: replacement!, favourite: false });
    expect(after.favourites).toEqual(['reconnect-long-time-no-speak']);
  });
});

describe('firstNameOf', () => {
  it.each([
    [{ displayName: 'Sam Okafor' }, 'Sam'],
    [{ displayName: 'Dr Samuel Okafor', givenName: 'Samuel' }, 'Samuel'],
    [{ displayName: 'Samuel Okafor', givenName: 'Samuel', nickname: 'Sam' }, 'Sam'],
    [{ displayName: '  Cher  ' }, 'Cher'],
    [{ displayName: 'Nicholas Lee', nickname: 'Nick1, Nick2' }, 'Nick1'],
    [{ displayName: 'Nicholas Lee', givenName: 'Nicholas', nickname: ' ,' }, 'Nicholas'],
  ])('calls %o %s', (contact, name) => {
    expect(firstNameOf(contact)).toBe(name);
  });
});

/**
 * `people.pick` and `people.refs`: the core ranks exactly as the renderer's pickers did (the old
 * function is the reference), from rows it keeps current, so an edit or delete shows in the next pick.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/domain/search/generate.ts';
import { inArea } from '../area.ts';
import type { InteractionDocument } from '../interactions/schema.ts';
import { rawContact, rawInteraction } from '../testing/documents.ts';
import { openTestCore, type TestCore } from '../testing/test-core.ts';
import { rankPeopleReference } from './rank-people.reference.ts';
import type { ContactDocument } from './schema.ts';

const FIRST = ['Ada', 'Adam', 'Zoë', 'Zoe', 'José', 'Jo', 'Priya', 'Sam', 'Samira', 'Olga', 'Wei', 'Ana', 'Anaïs'];
const LAST = ['Okafor', 'Lee', 'Patel', 'Müller', 'Núñez', "O'Brien", 'Chen', 'Smith-Jones', 'Ivanova', 'Lima'];
async function seed(t: TestCore, random: (n: number) => number, count: number) {
  const pick = <T>(list: readonly T[]) => list[random(list.length)]!;
  const contacts: ContactDocument[] = Array.from({ length: count }, (_, i) =>
    rawContact(`c${i}`, {
      // Few names, so equal names, shared prefixes and accents are common.
      displayName: random(5) === 0 ? pick(FIRST) : `${pick(FIRST)} ${pick(LAST)}`,
      ...(random(2) ? { organisation: pick(['Leeds Pottery', 'Acme']) } : {}),
      archived: random(8) === 0,
    }),
  );
  const interactions: InteractionDocument[] = Array.from({ length: count }, (_, i) => {
    const date = `2025-${String(1 + random(12)).padStart(2, '0')}-${String(1 + random(5)).padStart(2, '0')}`;
    return rawInteraction(`i${i}`, { type: 'coffee', date, contactIds: [`c${random(count)}`] });
  });
  await inArea('replication', async () => {
    await t.core.db.contacts.bulkInsert(contacts);
    await t.core.db.interactions.bulkInsert(interactions);
  });
  await t.core.projection.flush();
}

/** What a random user types: a name's start, a word's start, two words, a letter, accents or none, noise. */
function queryOf(random: (n: number) => number): string {
  const name = `${FIRST[random(FIRST.length)]} ${LAST[random(LAST.length)]}`;
  switch (random(8)) {
    case 0:
      return '';
    case 1:
      return name.slice(0, 1 + random(4));
    case 2:
      return name
        .split(' ')[1]!
        .slice(0, 1 + random(5))
        .toLocaleUpperCase();
    case 3:
      return name;
    case 4:
      return `  ${name.slice(0, 2)} ${name.split(' ')[1]!.slice(0, 2)} `;
    case 5:
      return name
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .slice(2, 5);
    case 6:
      return name.split(' ')[0]!;
    default:
      return 'xq';
  }
}

describe('people.pick', () => {
  it('ranks as the pickers did, on 400 random people and 300 random queries', async () => {
    const t = await openTestCore();
    const random = seededRandom(20260318);
    await seed(t, random, 400);
    const everyone = await t.next('contacts.watch', {});
    const ids = everyone.map((p) => p.id);
    const someIds = (n: number) => Array.from({ length: random(n) }, () => ids[random(ids.length)]!);
    let withMatches = 0;
    let ambiguous = 0;
    for (let run = 0; run < 300; run++) {
      const q = queryOf(random);
      const exclude = [...new Set(someIds(30))];
      const prefer = [...new Set(someIds(6))];
      const limit = 1 + random(50);
      const got = await t.call('people.pick', { q, limit, exclude, prefer });
      const want = q.trim()
        ? rankPeopleReference(everyone, q.trim(), { recentlyAdded: prefer, exclude, limit })
        : {
            // With nothing typed, PersonSelect showed the most recently contacted first.
            matches: everyone
              .filter((p) => !exclude.includes(p.id))
              .sort((a, b) => (b.lastInteractionOn ?? '').localeCompare(a.lastInteractionOn ?? ''))
              .slice(0, limit),
            ambiguous: false,
          };
      expect(
        { ids: got.matches.map((p) => p.id), ambiguous: got.ambiguous },
        JSON.stringify({ q, limit, exclude, prefer }),
      ).toEqual({ ids: want.matches.map((p) => p.id), ambiguous: want.ambiguous });
      expect(got.matches).toEqual(
        want.matches.map(({ id, displayName, organisation, lastInteractionOn }) => ({
          id,
          displayName,
          ...(organisation ? { organisation } : {}),
          ...(lastInteractionOn ? { lastInteractionOn } : {}),
        })),
      );
      if (got.matches.length > 1) withMatches++;
      if (got.ambiguous) ambiguous++;
    }
    // The run compared real rankings, both clear and ambiguous ones.
    expect(withMatches).toBeGreaterThan(150);
    expect(ambiguous).toBeGreaterThan(50);
    expect(ambiguous).toBeLessThan(250);
  }, 60_000);

  it('answers the next pick with an edit, a delete and an archive made since', async () => {
    const t = await openTestCore();
    const sam = await t.call('contacts.create', { displayName: 'Sam Okafor' });
    const ana = await t.call('contacts.create', { displayName: 'Ana Lima', organisation: 'Acme' });
    expect((await t.call('people.pick', { q: 'sam' })).matches.map((p) => p.displayName)).toEqual(['Sam Okafor']);

    await t.call('contacts.update', { id: sam.id, fields: { displayName: 'Samuel Okafor' } });
    expect((await t.call('people.pick', { q: 'samuel' })).matches.map((p) => p.displayName)).toEqual(['Samuel Okafor']);
    expect((await t.call('people.pick', { q: 'sam o' })).matches).toHaveLength(1);

    await t.call('contacts.archive', { ids: [ana.id], archived: true });
    expect((await t.call('people.pick', { q: 'ana' })).matches).toEqual([]);
    expect((await t.call('people.pick', { q: 'ana', includeArchived: true })).matches).toEqual([
      { id: ana.id, displayName: 'Ana Lima', organisation: 'Acme' },
    ]);

    await t.call('contacts.delete', { ids: [sam.id] });
    expect((await t.call('people.pick', { q: 'sam' })).matches).toEqual([]);

    const logged = await t.call('interactions.log', {
      interaction: { type: 'call', date: '2026-03-17', contactIds: [] },
      newPeople: ['Sam Lee'],
    });
    expect((await t.call('people.pick', { q: '' })).matches).toEqual([
      { id: logged.contactIds[0], displayName: 'Sam Lee', lastInteractionOn: '2026-03-17' },
    ]);
  });

  it('leaves out excluded people, puts preferred ones first, stops at the limit, and says when Enter must not choose', async () => {
    const t = await openTestCore();
    const priyaNair = await t.call('contacts.create', { displayName: 'Priya Nair' });
    const priyaShah = await t.call('contacts.create', { displayName: 'Priya Shah' });
    const priya = await t.call('contacts.create', { displayName: 'Priya' });
    await t.call('interactions.log', { interaction: { type: 'call', date: '2026-03-10', contactIds: [priyaNair.id] } });

    const two = await t.call('people.pick', { q: 'pri', exclude: [priya.id] });
    expect(two.matches.map((p) => p.id)).toEqual([priyaNair.id, priyaShah.id]);
    expect(two.ambiguous).toBe(true);
    const preferred = await t.call('people.pick', { q: 'pri', exclude: [priya.id], prefer: [priyaShah.id] });
    expect(preferred.matches.map((p) => p.id)).toEqual([priyaShah.id, priyaNair.id]);
    // The whole name, once: Enter may choose it although two others start the same.
    const whole = await t.call('people.pick', { q: 'PRIYA' });
    expect(whole).toEqual({
      matches: [expect.objectContaining({ id: priya.id }), expect.anything(), expect.anything()],
      ambiguous: false,
    });
    expect((await t.call('people.pick', { q: 'priya', limit: 1 })).matches.map((p) => p.id)).toEqual([priya.id]);
    expect(await t.call('people.pick', { q: 'shah', exclude: [priyaShah.id] })).toEqual({
      matches: [],
      ambiguous: false,
    });
    await expect(t.call('people.pick', { q: 'x', limit: 51 })).rejects.toThrow();
  });
});

describe('people.refs', () => {
  it('names the people that exist, archived ones too, and leaves out the rest', async () => {
    const t = await openTestCore();
    const sam = await t.call('contacts.create', { displayName: 'Sam Okafor', organisation: 'Harbour Lane' });
    const ana = await t.call('contacts.create', { displayName: 'Ana Lima' });
    await t.call('contacts.archive', { ids: [ana.id], archived: true });
    expect(await t.call('people.refs', { ids: [ana.id, 'gone', sam.id, sam.id] })).toEqual([
      { id: ana.id, displayName: 'Ana Lima', archived: true },
      { id: sam.id, displayName: 'Sam Okafor', organisation: 'Harbour Lane', archived: false },
    ]);
    await t.call('contacts.delete', { ids: [sam.id] });
    expect(await t.call('people.refs', { ids: [sam.id] })).toEqual([]);
  });
});

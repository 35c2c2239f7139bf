/**
 * A search service keeps what earlier keystrokes read (typing-session.ts, index-reads.ts). Whatever
 * is typed or deleted, and whatever is written in between (here raw writes, as replication
 * delivers them), each answer must be exactly a fresh service's answer over the same index.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/domain/search/generate.ts';
import { inArea } from '../area.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { DetailDocument } from '../details/schema.ts';
import { rawContact, rawInteraction } from '../testing/documents.ts';
import { openTestCore } from '../testing/test-core.ts';
import { createSearchService } from './search-service.ts';
import { narrows } from './typing-session.ts';

/** People's words share prefixes (sam, samira, sandra); some fold to ASCII (Zoë), some not (Søren, Straße). */
const PEOPLE_WORDS = ['sam', 'samira', 'sandra', 'saltmarsh', 'zoë', 'søren', 'straße', 'lee'];
/** Interactions' are mostly plain words no person holds, so one-word queries read interactions' tiers. */
const TALK_WORDS = ['biscuit', 'bistro', 'bis', 'leeds', 'lee', 'saltmarsh', 'sam'];
const WORDS = [...new Set([...PEOPLE_WORDS, ...TALK_WORDS])];
const QUERIES = ['sam', 'sa', 'samira b', 'bis', 'lee', 'zoe', 'sø', 'stra', 'sam lee', 'sandra s', 'bi', 'l'];
const KEYSTROKES = 1500;

function randomWriter(random: (n: number) => number) {
  const pick = <T>(list: readonly T[]) => list[random(list.length)]!;
  const text = (n: number, words = PEOPLE_WORDS) => Array.from({ length: 1 + random(n) }, () => pick(words)).join(' ');
  const contact = () =>
    rawContact(`c${random(30)}`, { displayName: text(2), ...(random(3) ? {} : { notes: text(4) }) });
  const interaction = () => {
    const words = random(8) ? TALK_WORDS : PEOPLE_WORDS;
    return rawInteraction(`i${random(60)}`, {
      date: `2025-0${1 + random(9)}-1${random(10)}`,
      contactIds: [`c${random(30)}`],
      title: text(2, words),
      ...(random(2) ? { notes: text(5, words) } : {}),
    });
  };
  const detail = (): DetailDocument => ({
    id: `d${random(40)}`,
    contactId: `c${random(30)}`,
    text: text(3),
    learnedOn: '2025-05-01',
    sensitivity: 'normal',
    status: 'open',
    createdAt: '2025-05-01T09:00:00.000Z',
    updatedAt: '2025-05-01T09:00:00.000Z',
  });
  /** A few upserts and removals across people, interactions and details, not through any area. */
  return (db: RapportDatabase) =>
    inArea('replication', async () => {
      for (let n = 1 + random(4); n > 0; n--) {
        const remove = random(4) === 0;
        const kind = random(3);
        if (kind === 0)
          await (remove ? db.contacts.bulkRemove([`c${random(30)}`]) : db.contacts.bulkUpsert([contact()]));
        else if (kind === 1)
          await (remove ? db.interactions.bulkRemove([`i${random(60)}`]) : db.interactions.bulkUpsert([interaction()]));
        else await (remove ? db.details.bulkRemove([`d${random(40)}`]) : db.details.bulkUpsert([detail()]));
      }
    });
}

describe('a typing session', () => {
  it('answers every keystroke as a fresh search would, across random typing, deleting and writes', async () => {
    const { core } = await openTestCore();
    const random = seededRandom(20261202);
    const write = randomWriter(random);
    for (let i = 0; i < 8; i++) await write(core.db);
    const projection = core.projection.search;
    const live = createSearchService(projection);
    let query = '';
    let narrowed = 0;
    let writes = 0;
    let previous: string[] = [];
    for (let step = 0; step < KEYSTROKES; step++) {
      const action = random(10);
      if (action < 5) {
        // Type the next letter of a word, or a space.
        const word = WORDS[random(WORDS.length)]!;
        query += random(6) === 0 ? ' ' : (word[query.length % word.length] ?? 'a');
      } else if (action < 7) query = query.slice(0, -1 - random(2));
      else if (action < 8) query = QUERIES[random(QUERIES.length)]!;
      else {
        await write(core.db);
        writes++;
      }
      const limit = [3, 8, 30][random(3)]!;
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      if (previous.length && words.length && narrows(words, previous)) narrowed++;
      previous = words;
      const answer = await live.query(query, limit);
      const fresh = await createSearchService(projection).query(query, limit);
      expect({ step, query, limit, answer }).toEqual({ step, query, limit, answer: fresh });
    }
    // What it claims was exercised: many narrowing keystrokes, with writes between them.
    expect(narrowed).toBeGreaterThan(300);
    expect(writes).toBeGreaterThan(100);
  }, 120_000);

  it('narrows only with plain words that extend every earlier word', () => {
    expect(narrows(['alic'], ['ali'])).toBe(true);
    expect(narrows(['alice', 'b'], ['alice'])).toBe(true);
    expect(narrows(['b', 'alice'], ['ali'])).toBe(true);
    expect(narrows(['ali'], ['alic'])).toBe(false);
    expect(narrows(['alice'], ['alice', 'b'])).toBe(false);
    // Folded words outside ASCII may be split or folded differently by FTS5: always asked afresh.
    expect(narrows(['søre'], ['sø'])).toBe(false);
  });
});

/**
 * Today's birthdays list is read from the `birthdayOn` index, a day at a time until it has enough
 * (birthdays-ahead.ts). Its promise: the same first birthdays and the same total as ordering
 * everyone's, at every limit, where days are crowded, names do not follow ids, the span wraps at
 * the year's end, and 29 February is marked on the 28th.
 */
import { describe, expect, it } from 'vitest';
import { upcomingBirthdays } from '../../../shared/domain/reminders/birthdays.ts';
import { seededRandom } from '../../../shared/domain/search/generate.ts';
import { inArea } from '../area.ts';
import { rawContact } from '../testing/documents.ts';
import { openTestCore } from '../testing/test-core.ts';
import { birthdaysAhead } from './birthdays-ahead.ts';

/** Few days, so that days hold several birthdays each, around the year's end and the leap day. */
const DAYS = [
  [12, 30],
  [12, 31],
  [1, 1],
  [1, 2],
  [2, 27],
  [2, 28],
  [2, 29],
  [3, 1],
] as const;
const TODAYS = ['2026-12-30', '2027-01-02', '2027-02-26', '2027-02-28', '2028-02-28', '2028-02-29', '2027-12-31'];

describe("Today's birthdays list", () => {
  it('is the first of everyone’s upcoming birthdays at every limit, with the same total', async () => {
    const random = seededRandom(20261202);
    const { core } = await openTestCore({ now: '2027-01-01T12:00:00Z' });
    const { db } = core;
    const contacts = Array.from({ length: 60 }, (_, n) => {
      const [month, day] = DAYS[random(DAYS.length)]!;
      // Names in another order than ids, and some the same, so a day is sorted by name and then id.
      return rawContact(`p${String(n).padStart(2, '0')}`, {
        displayName: `${'ZYXWV'[random(5)]} Person`,
        archived: random(12) === 0,
        birthday: { month, day, ...(random(2) ? { year: 1980 + random(20) } : {}) },
      });
    });
    await inArea('replication', () => db.contacts.bulkInsert(contacts));
    await core.projection.flush();
    const everyone = (await db.people_index.find({ selector: { archived: false } }).exec()).map((d) => d.toJSON());

    let compared = 0;
    for (const today of TODAYS) {
      for (const days of [0, 3, 30]) {
        const all = upcomingBirthdays(everyone, today, days);
        for (let limit = 1; limit <= all.length + 1; limit++) {
          expect(await birthdaysAhead(db, today, days, limit), `${today} +${days} first ${limit}`).toEqual({
            first: all.slice(0, limit),
            total: all.length,
          });
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  }, 60_000);
});

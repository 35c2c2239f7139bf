import type { MangoQuerySelector } from 'rxdb';
import { addCalendarDays } from '../../../shared/domain/keep-in-touch/days.ts';
import { birthdayIn, upcomingBirthdays, type UpcomingBirthday } from '../../../shared/domain/reminders/birthdays.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { PersonIndexDocument } from '../projection/schema.ts';
import { storedDocuments } from '../db/stored.ts';

const LEAP_DAY = '02-29';

/**
 * Today's birthdays list: the first `limit` birthdays from `today` to `today + days`, soonest
 * first (as `upcomingBirthdays` orders them), and how many there are in all. Read from the
 * `birthdayOn` index in day order: rows until `limit` are found plus the rest of the last day,
 * and the total by index counts. At 50,000 people a 30-day list has some 4,000 birthdays, and
 * the screen shows 100 of them.
 *
 * A 29 February birthday is marked on the 28th in common years (birthdays.ts), which its month-day
 * string does not say: those rows are read on their own and put where their day falls.
 */
export async function birthdaysAhead(
  db: RapportDatabase,
  today: string,
  days: number,
  limit: number,
): Promise<{ first: UpcomingBirthday[]; total: number }> {
  const end = addCalendarDays(today, days);
  const from = today.slice(5);
  const to = end.slice(5);
  // Month-day ranges in the order their days come: the span may wrap at the year's end.
  const ranges: [string, string][] =
    from <= to
      ? [[from, to]]
      : [
          [from, '12-31'],
          ['01-01', to],
        ];
  const inRanges = (monthDay: string) => ranges.some(([a, b]) => a <= monthDay && monthDay <= b);
  const leapDayMarked = [today, end].some((day) => {
    const marked = birthdayIn({ month: 2, day: 29 }, Number(day.slice(0, 4)));
    return today <= marked && marked <= end;
  });
  // Leap-day birthdays outside the ranges' strings whose day is inside the span (a common year's 28th).
  const extraLeapDay = leapDayMarked && !inRanges(LEAP_DAY);

  // By id: the rest of a 28 February reads the leap day's rows too.
  const rows = new Map<string, PersonIndexDocument>();
  const add = (found: PersonIndexDocument[]) => found.forEach((row) => rows.set(row.id, row));
  let total = 0;
  for (const [a, b] of ranges) {
    total += await count(db, a, b);
    if (rows.size < limit) add(await firstDays(db, a, b, limit - rows.size));
  }
  if (extraLeapDay) {
    total += await count(db, LEAP_DAY, LEAP_DAY);
    add(await read(db, LEAP_DAY, LEAP_DAY));
  }
  const first = upcomingBirthdays([...rows.values()], today, days).slice(0, limit);
  return { first, total };
}

/** The range's rows in day order until `want` are read, and the rest of the last one's day. */
async function firstDays(db: RapportDatabase, from: string, to: string, want: number): Promise<PersonIndexDocument[]> {
  const rows = await read(db, from, to, want);
  if (rows.length < want) return rows;
  const lastDay = rows.at(-1)!.birthdayOn!;
  const seen = new Set(rows.map((row) => row.id));
  // Leap-day birthdays come after the 28th in the index but share its day in common years.
  const rest = await read(db, lastDay, lastDay === '02-28' ? LEAP_DAY : lastDay);
  return rows.concat(rest.filter((row) => !seen.has(row.id)));
}

const selector = (from: string, to: string): MangoQuerySelector<PersonIndexDocument> => ({
  archived: false,
  birthdayOn: { $gte: from, $lte: to },
});

async function read(db: RapportDatabase, from: string, to: string, limit?: number): Promise<PersonIndexDocument[]> {
  const query = db.people_index.find({
    selector: selector(from, to),
    index: ['archived', 'birthdayOn'],
    sort: [{ archived: 'asc' }, { birthdayOn: 'asc' }],
    ...(limit === undefined ? {} : { limit }),
  });
  return storedDocuments(query);
}

async function count(db: RapportDatabase, from: string, to: string): Promise<number> {
  const query = db.people_index.count({ selector: selector(from, to), index: ['archived', 'birthdayOn'] });
  return (await db.people_index.storageInstance.count(query.getPreparedQuery())).count;
}

import type { MangoQuerySelector } from 'rxdb';
import { Tier } from '../../../shared/domain/contact.ts';
import { addCalendarDays } from '../../../shared/domain/keep-in-touch/days.ts';
import { THIS_WEEK_DAYS } from '../../../shared/domain/keep-in-touch/status.ts';
import type { TierCadences } from '../../../shared/domain/cadence.ts';
import type { RapportDatabase } from '../db/database.ts';
import { OWN_RHYTHM, type PersonIndexDocument } from '../projection/schema.ts';
import { storedDocuments } from '../db/stored.ts';

/** Later than any day: an open upper bound for day ranges. */
const NO_END = '9999-12-31';

/**
 * The active people who can be on Today or in the tray on `today`, read by index ranges instead
 * of reading everyone (at 50,000 people that read took seconds on a cold start). It is a
 * superset: the scheduler decides from these rows exactly as it would from everyone's, because a
 * person outside them has no rhythm or birthday reason today and is not due within the week (a
 * waiting follow-up or meeting names its person itself: `NamedPerson` in schedule.ts). `alsoIds`
 * adds people the caller needs whatever their state: whom the nudge names, and everyone with a
 * snooze or a skip: a skip restarts the clock on its day, which is earlier than a clock started in
 * the future (`addedOn` after today, clamped to today), so a skipped person can be due where their
 * row alone says not.
 *
 * - **Rhythm**: due on `since + idealDays` (reminders/schedule.ts), with `since` their clock
 *   start clamped to today. Per tier, that is `clockFrom <= weekEnd - idealDays`; when a tier's
 *   ideal is a week or less, a clock started in the future also counts, so that tier is read
 *   whole. People with their own cadence are read whole too: few have one.
 * - **Birthdays**: `birthdayOn` today, and every 29 February (marked on the 28th in other years):
 *   the scheduler gives a birthday reason on the day only. Today's list of the next weeks'
 *   birthdays is read apart (birthdays-ahead.ts).
 */
export async function dueSoonRows(
  db: RapportDatabase,
  options: { today: string; tiers: TierCadences; alsoIds: readonly string[] },
): Promise<PersonIndexDocument[]> {
  const { today, tiers } = options;
  const weekEnd = addCalendarDays(today, THIS_WEEK_DAYS);
  const byRhythm = (rhythm: string, clockFrom: MangoQuerySelector<PersonIndexDocument>['clockFrom'] = {}) =>
    rows(db, { archived: false, rhythm, clockFrom }, ['archived', 'rhythm', 'clockFrom']);
  const onBirthday = (from: string, to: string) =>
    rows(db, { archived: false, birthdayOn: { $gte: from, $lte: to } }, ['archived', 'birthdayOn']);

  const reads = [
    ...Tier.options.map((tier) => {
      const bound = addCalendarDays(weekEnd, -tiers[tier].idealDays);
      return byRhythm(tier, { $lte: bound >= today ? NO_END : bound });
    }),
    byRhythm(OWN_RHYTHM, { $gte: '' }),
    onBirthday(today.slice(5), today.slice(5)),
    onBirthday('02-29', '02-29'),
    byIds(db, options.alsoIds),
  ];
  const found = new Map<string, PersonIndexDocument>();
  for (const list of await Promise.all(reads)) for (const row of list) found.set(row.id, row);
  return [...found.values()];
}

/** Rows of one index range, as stored (no RxDocument objects: thousands are read at once). */
async function rows(
  db: RapportDatabase,
  selector: MangoQuerySelector<PersonIndexDocument>,
  index: string[],
): Promise<PersonIndexDocument[]> {
  return storedDocuments(db.people_index.find({ selector, index }));
}

async function byIds(db: RapportDatabase, ids: readonly string[]): Promise<PersonIndexDocument[]> {
  if (!ids.length) return [];
  const found = await db.people_index.storageInstance.findDocumentsById([...new Set(ids)], false);
  return found.filter((row) => !row.archived);
}

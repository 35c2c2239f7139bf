import { addCalendarDays, daysBetween } from '../keep-in-touch/days.ts';
import { nameOrder } from '../name-order.ts';

/** A birthday as stored on a contact: the year is optional (`--MM-DD` in vCards). */
export interface BirthdayValue {
  year?: number | undefined;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The day a birthday is marked in `year`, `YYYY-MM-DD`.
 *
 * **29 February rule**: in a year without a leap day the birthday falls on 28 February. It stays
 * in the person's birth month (1 March would move it into another month), and it is what
 * most people born on a leap day celebrate; UK and US law count the legal birthday differently,
 * but a reminder a day early is kinder than a day late. The rule applies whether or not the
 * birth year is known.
 */
export function birthdayIn(birthday: BirthdayValue, year: number): string {
  const day = birthday.month === 2 && birthday.day === 29 && !isLeapYear(year) ? 28 : birthday.day;
  return `${String(year).padStart(4, '0')}-${pad(birthday.month)}-${pad(day)}`;
}

/** The next day, on or after `from`, that the birthday is marked. */
export function nextBirthday(birthday: BirthdayValue, from: string): string {
  const year = Number(from.slice(0, 4));
  const thisYear = birthdayIn(birthday, year);
  return thisYear >= from ? thisYear : birthdayIn(birthday, year + 1);
}

/** The age reached on `on`, or undefined without a birth year (or before birth). */
export function ageOn(birthday: BirthdayValue, on: string): number | undefined {
  if (birthday.year === undefined) return undefined;
  const year = Number(on.slice(0, 4));
  const age = year - birthday.year - (birthdayIn(birthday, year) > on ? 1 : 0);
  return age >= 0 ? age : undefined;
}

export interface UpcomingBirthday {
  personId: string;
  displayName: string;
  /** The day it is marked, `YYYY-MM-DD`. */
  on: string;
  /** 0 = today. */
  inDays: number;
  /** The age they turn, when the birth year is known. */
  turning?: number;
}

/** Birthdays from `today` to `today + days` inclusive, soonest first, then by name (and id). */
export function upcomingBirthdays(
  people: readonly { id: string; displayName: string; birthday?: BirthdayValue | undefined }[],
  today: string,
  days: number,
): UpcomingBirthday[] {
  const end = addCalendarDays(today, days);
  const found: UpcomingBirthday[] = [];
  for (const person of people) {
    if (!person.birthday) continue;
    const on = nextBirthday(person.birthday, today);
    if (on > end) continue;
    const turning = ageOn(person.birthday, on);
    found.push({
      personId: person.id,
      displayName: person.displayName,
      on,
      inDays: daysBetween(today, on),
      ...(turning !== undefined ? { turning } : {}),
    });
  }
  // The id last: the same people in any order give the same list.
  const byName = nameOrder();
  return found.sort(
    (a, b) =>
      (a.on < b.on ? -1 : a.on > b.on ? 1 : 0) ||
      byName(a.displayName, b.displayName) ||
      (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
  );
}

import { nextBirthday, type BirthdayValue } from '../../../shared/domain/reminders/birthdays.ts';
import type { TrackedStatus } from '../../../shared/domain/keep-in-touch/status.ts';
import type { PersonHold } from '../../../shared/domain/reminders/settings.ts';
// iCalendar folds exactly like vCard (75 octets, never inside a UTF-8 sequence, CRLF + space).
import { foldLine } from '../interchange/vcard/fold.ts';

/**
 * The reminders calendar, RFC 5545. Only names and dates go in: no notes, no details, whatever
 * their sensitivity, because a subscribed calendar syncs to phones and other people's screens.
 */

export interface IcsPerson {
  id: string;
  displayName: string;
  birthday?: BirthdayValue | undefined;
}

export interface IcsInput {
  /** `YYYY-MM-DD` in the user's zone. */
  today: string;
  now: Date;
  people: readonly IcsPerson[];
  /** Keep-in-touch status per tracked person, holds already applied. */
  statuses: ReadonlyMap<string, TrackedStatus>;
  holds: Readonly<Record<string, PersonHold>>;
}

export const ICS_FILENAME = 'rapport-reminders.ics';

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

const basic = (day: string) => day.replaceAll('-', '');
const stamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

function allDayEvent(uid: string, day: string, summary: string, now: Date, extra: string[] = []): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART;VALUE=DATE:${basic(day)}`,
    `DTEND;VALUE=DATE:${basic(nextDay(day))}`,
    `SUMMARY:${escapeText(summary)}`,
    'TRANSP:TRANSPARENT',
    ...extra,
    'END:VEVENT',
  ];
}

/**
 * Birthdays recur yearly from their next occurrence. A 29 February birthday uses
 * `BYMONTH=2;BYMONTHDAY=-1` (the last day of February), which is exactly the app's rule: the
 * 29th in leap years, the 28th otherwise. Keep-in-touch dates are one-off events on the day a
 * person becomes due (today, if they already are, or the day a snooze ends).
 */
export function buildIcs(input: IcsInput): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Rapport//Reminders//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Rapport reminders',
  ];
  const people = [...input.people].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const person of people) {
    if (!person.birthday) continue;
    const first = nextBirthday(person.birthday, input.today);
    const leapDay = person.birthday.month === 2 && person.birthday.day === 29;
    const rule = leapDay ? 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1' : 'RRULE:FREQ=YEARLY';
    lines.push(
      ...allDayEvent(`birthday-${person.id}@rapport`, first, `${person.displayName}'s birthday`, input.now, [rule]),
    );
  }
  for (const person of people) {
    const status = input.statuses.get(person.id);
    if (!status) continue;
    const snoozed = input.holds[person.id]?.snoozedUntil;
    let day = status.dueOn < input.today ? input.today : status.dueOn;
    if (snoozed && snoozed > day) day = snoozed;
    lines.push(
      ...allDayEvent(`keep-in-touch-${person.id}@rapport`, day, `Get in touch with ${person.displayName}`, input.now),
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

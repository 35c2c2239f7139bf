/**
 * One event in and out of iCalendar (RFC 5545) with ical.js. Reading takes the first VEVENT:
 * SUMMARY, DTSTART/DTEND (all-day or timed), LOCATION, URL, DESCRIPTION, UID, and RDATEs as a
 * course's further sessions. Every problem names the property (and line) it came from.
 */
import type ICAL from 'ical.js';
import { EventFields, type EventKind, type EventRecord } from '../../../shared/domain/events/model.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { foldLine } from '../interchange/vcard/fold.ts';
import { escapeText } from '../reminders/ics.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (t: ICAL.Time) => `${t.year}-${pad(t.month)}-${pad(t.day)}`;
const timeOf = (t: ICAL.Time) => (t.isDate ? undefined : `${pad(t.hour)}:${pad(t.minute)}`);

function invalid(field: string, message: string): AppError {
  return new AppError('invalid_input', `The calendar file could not be read: ${field}: ${message}`, [
    { path: ['file', field], message },
  ]);
}

/** Guesses the kind from words in the title; the user can change it on the form. */
export function kindFromTitle(title: string, sessions: number): EventKind {
  if (/(conf|conference|summit|congress|expo|forum)\b/i.test(title)) return 'conference';
  if (/\b(meet-?up|drinks|social|user group|hack night)\b/i.test(title)) return 'meet-up';
  if (sessions > 1 || /\b(course|class|workshop|bootcamp|training|lesson)\b/i.test(title)) return 'course';
  return 'other';
}

/** ical.js loads on the first calendar file read, not at start-up. */
export async function parseEventIcs(text: string, kind?: EventKind): Promise<EventFields> {
  const { default: ICAL } = await import('ical.js');
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw invalid('VCALENDAR', `not an iCalendar file (${message.split('\n')[0]})`);
  }
  const vevent = root.name === 'vevent' ? root : root.getFirstSubcomponent('vevent');
  if (!vevent) throw invalid('VEVENT', 'the file holds no event');
  const event = new ICAL.Event(vevent);
  const summary = event.summary?.trim();
  if (!summary) throw invalid('SUMMARY', 'the event has no title');
  if (!vevent.hasProperty('dtstart')) throw invalid('DTSTART', 'the event has no start date');
  let start: ICAL.Time;
  let end: ICAL.Time | undefined;
  try {
    start = event.startDate;
    end = vevent.hasProperty('dtend') ? event.endDate : undefined;
  } catch {
    throw invalid('DTSTART', 'the start or end date cannot be read');
  }
  const startsOn = dayOf(start);
  // An all-day DTEND is exclusive: a one-day event ends the next day.
  let endsOn: string | undefined;
  if (end) {
    const last = end.clone();
    if (end.isDate) last.adjust(-1, 0, 0, 0);
    endsOn = dayOf(last) > startsOn ? dayOf(last) : undefined;
  }
  const sessions = vevent
    .getAllProperties('rdate')
    .flatMap((p) => p.getValues() as unknown[])
    .filter((v): v is ICAL.Time => v instanceof ICAL.Time)
    .map((t) => ({ date: dayOf(t), ...(timeOf(t) ? { startTime: timeOf(t)! } : {}) }));
  const url = vevent.getFirstPropertyValue('url');
  const draft = {
    kind: kind ?? kindFromTitle(summary, sessions.length + 1),
    name: summary,
    startsOn,
    ...(endsOn ? { endsOn } : {}),
    ...(timeOf(start) ? { startTime: timeOf(start) } : {}),
    ...(end && timeOf(end) && !endsOn ? { endTime: timeOf(end) } : {}),
    sessions: sessions.length
      ? [{ date: startsOn, ...(timeOf(start) ? { startTime: timeOf(start) } : {}) }, ...sessions]
      : [],
    ...(event.location?.trim() ? { place: event.location.trim() } : {}),
    ...(typeof url === 'string' && url.trim() ? { link: url.trim() } : {}),
    ...(event.description?.trim() ? { notes: event.description.trim() } : {}),
    ...(event.uid ? { icsUid: event.uid } : {}),
  };
  const parsed = EventFields.safeParse(draft);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = ICS_NAMES[String(issue.path[0])] ?? String(issue.path[0]);
    throw invalid(field, issue.message);
  }
  return parsed.data;
}

const ICS_NAMES: Record<string, string> = {
  name: 'SUMMARY',
  startsOn: 'DTSTART',
  endsOn: 'DTEND',
  startTime: 'DTSTART',
  endTime: 'DTEND',
  place: 'LOCATION',
  link: 'URL',
  notes: 'DESCRIPTION',
  sessions: 'RDATE',
  icsUid: 'UID',
};

const basic = (day: string) => day.replaceAll('-', '');
const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};
const stampOf = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const floating = (day: string, time: string) => `${basic(day)}T${time.replace(':', '')}00`;

/** One VEVENT, all-day unless the event has a start time (then floating local time). */
export function eventToIcs(event: EventRecord, now: Date): string {
  const uid = event.icsUid ?? `${event.id}@rapport`;
  const timed = event.startTime !== undefined;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Rapport//Events//EN',
    'BEGIN:VEVENT',
    `UID:${escapeText(uid)}`,
    `DTSTAMP:${stampOf(now)}`,
    timed ? `DTSTART:${floating(event.startsOn, event.startTime!)}` : `DTSTART;VALUE=DATE:${basic(event.startsOn)}`,
    timed
      ? event.endTime
        ? `DTEND:${floating(event.endsOn ?? event.startsOn, event.endTime)}`
        : undefined
      : `DTEND;VALUE=DATE:${basic(nextDay(event.endsOn ?? event.startsOn))}`,
    `SUMMARY:${escapeText(event.name)}`,
    event.place ? `LOCATION:${escapeText(event.place)}` : undefined,
    event.link ? `URL:${event.link}` : undefined,
    event.notes ? `DESCRIPTION:${escapeText(event.notes)}` : undefined,
    ...event.sessions
      .filter((s) => s.date !== event.startsOn)
      .map((s) => (s.startTime ? `RDATE:${floating(s.date, s.startTime)}` : `RDATE;VALUE=DATE:${basic(s.date)}`)),
    'END:VEVENT',
    'END:VCALENDAR',
  ].filter((l): l is string => l !== undefined);
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A file name from the event's name: letters, digits and dashes only. */
export function icsFileName(event: Pick<EventRecord, 'name' | 'startsOn'>): string {
  const slug =
    event.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'event';
  return `${slug}-${event.startsOn}.ics`;
}

import { z } from 'zod';
import type { PracticeSituation, StarterSituation } from '../../content/schema.ts';
import { IsoDate, IsoInstant } from '../contact.ts';
import type { InteractionType } from '../interaction.ts';
import { lazyExtend, lazyObject } from '../../lazy-schema.ts';
import { withWebScheme } from '../web-address.ts';

/**
 * Events as records: a conference, meet-up, course (several sessions) or anything else. An
 * event's attendees, follow-ups and interactions are not copied onto it: people met are
 * interactions logged with the event's id, follow-ups are later interactions with that id, and
 * `going` (people the user expects there) is the only people data the event itself holds.
 */

export const EventKind = z.enum(['conference', 'meet-up', 'course', 'other']);
export type EventKind = z.infer<typeof EventKind>;

export const EVENT_KIND_LABELS: Readonly<Record<EventKind, string>> = {
  conference: 'Conference',
  'meet-up': 'Meet-up',
  course: 'Course',
  other: 'Other',
};

/** The advice Rapport is built on: a couple of real conversations beat twenty cards handed out. */
export const DEFAULT_GOAL = 'One or two genuine connections';

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 14:30');
const optionalText = (max: number, message: string) => z.string().trim().max(max, message).optional();
const DocId = z.string().min(1).max(64);

/** One meeting of a course (or one day of a longer event). */
export const EventSession = lazyObject(() => ({
  date: IsoDate,
  startTime: Time.optional(),
  endTime: Time.optional(),
  title: optionalText(200, 'Keep a session title under 200 characters'),
}));
export type EventSession = z.infer<typeof EventSession>;

/** The fear-ladder step chosen as this event's practice. */
export const EventPractice = lazyObject(() => ({ ladderId: DocId, stepId: DocId }));
export type EventPractice = z.infer<typeof EventPractice>;

// "meetup.com/leeds-ux" as typed is that address: it gets its https:// (a mailto: keeps its own).
const Link = z.preprocess(
  (value) =>
    typeof value === 'string' && value.trim() && !/^mailto:/i.test(value.trim()) ? withWebScheme(value.trim()) : value,
  z
    .string()
    .trim()
    .max(2000, 'Keep the link under 2,000 characters')
    .regex(/^(https?:\/\/|mailto:)\S+$/i, 'Use a web address, like meetup.com/your-group'),
);

const EventFieldsShape = lazyObject(() => ({
  kind: EventKind,
  name: z.string().trim().min(1, 'Give the event a name').max(200, 'Keep the name under 200 characters'),
  startsOn: IsoDate,
  /** The last day, when it runs over several days. */
  endsOn: IsoDate.optional(),
  startTime: Time.optional(),
  endTime: Time.optional(),
  /** A course's meetings; empty for a one-off. */
  sessions: z.array(EventSession).max(100, 'An event has at most 100 sessions').default([]),
  place: optionalText(500, 'Keep the place under 500 characters'),
  link: Link.optional(),
  notes: optionalText(20_000, 'Keep the notes under 20,000 characters'),
  goal: z.string().trim().min(1, 'Write a goal, however small').max(300).default(DEFAULT_GOAL),
  /** The user's own one-line introduction for this event, in their words. */
  introduction: optionalText(300, 'Keep your introduction to one line (300 characters)'),
  /** Organisations likely to be there (hosts, sponsors, your own employer). */
  organisations: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  /** Tags of people likely to be there ("frontend", "leeds"). */
  tags: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  /** People the user marked "going": the only attendee data an event holds. */
  going: z.array(DocId).max(1000).default([]),
  practice: EventPractice.optional(),
  /** The UID of the calendar entry it was imported from, kept for a faithful export. */
  icsUid: z.string().max(500).optional(),
}));

const endsAfterStart = (v: { startsOn: string; endsOn?: string | undefined }) => !v.endsOn || v.endsOn >= v.startsOn;
const endsAfterStartIssue = { message: 'The last day must be on or after the first', path: ['endsOn'] };

export const EventFields = EventFieldsShape.refine(endsAfterStart, endsAfterStartIssue);
export type EventFields = z.infer<typeof EventFields>;
export type EventDraft = z.input<typeof EventFields>;

export const EventRecord = lazyExtend(EventFieldsShape, () => ({
  id: DocId,
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
}));
export type EventRecord = z.infer<typeof EventRecord>;
/** A stored event with the form's cross-field rule, for values coming back from another device. */
export const ValidEventRecord = EventRecord.refine(endsAfterStart, endsAfterStartIssue);

/** What people met at an event are logged as. */
export const MET_TYPE: Readonly<Record<EventKind, InteractionType>> = {
  conference: 'conference',
  'meet-up': 'meet-up',
  course: 'course',
  other: 'other',
};

/** The fear-ladder situation an event is practice for. */
export const PRACTICE_SITUATION: Readonly<Record<EventKind, PracticeSituation>> = {
  conference: 'conference',
  'meet-up': 'meet-up',
  course: 'short-course',
  other: 'corridor-small-talk',
};

/** Starter situations that suit the room, best first. */
export const STARTER_SITUATIONS_FOR: Readonly<Record<EventKind, readonly StarterSituation[]>> = {
  conference: ['event-small-talk', 'quiet-networking'],
  'meet-up': ['event-small-talk', 'quiet-networking'],
  course: ['classmates', 'event-small-talk'],
  other: ['event-small-talk'],
};

/** Every day the event runs: its first and last day and each session. */
export function eventDays(event: Pick<EventFields, 'startsOn' | 'endsOn' | 'sessions'>): {
  first: string;
  last: string;
} {
  const days = [event.startsOn, ...(event.endsOn ? [event.endsOn] : []), ...event.sessions.map((s) => s.date)].sort();
  return { first: days[0]!, last: days.at(-1)! };
}

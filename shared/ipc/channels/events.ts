import { z } from 'zod';
import { IsoDate } from '../../domain/contact.ts';
import { Detail } from '../../domain/detail.ts';
import { EventFields, EventKind, EventPractice, EventRecord } from '../../domain/events/model.ts';
import { Interaction } from '../../domain/interaction.ts';
import { Suds } from '../../domain/practice/model.ts';
import { Id, SettleSetAside } from './common.ts';
import { channel, lazyExtend, lazyObject } from '../../lazy-schema.ts';

const UndoReceipt = lazyObject(() => ({ undoToken: z.string() }));
const optional = (max: number, message: string) => z.string().trim().max(max, message).optional();

/** One row of the Events list. */
export const EventListItem = lazyExtend(EventRecord, () => ({ metCount: z.number().int(), lastDay: IsoDate }));
export type EventListItem = z.infer<typeof EventListItem>;

export const LikelyAttendeeView = lazyObject(() => ({
  id: z.string(),
  displayName: z.string(),
  organisation: z.string().optional(),
  reasons: z.array(z.enum(['going', 'organisation', 'tag', 'past-event'])),
  going: z.boolean(),
  /** Their open "ask about" details (never sensitive ones: a prep sheet is read in public). */
  askAbout: z.array(Detail.pick({ id: true, text: true })),
}));
export type LikelyAttendeeView = z.infer<typeof LikelyAttendeeView>;

export const PracticeView = lazyExtend(EventPractice, () => ({
  ladderName: z.string(),
  text: z.string(),
  suds: Suds,
  chosen: z.boolean(),
  /** The practice session for this step during the event, once planned or done. */
  session: lazyObject(() => ({
    id: z.string(),
    status: z.enum(['planned', 'done']),
    sudsBefore: Suds,
    sudsPeak: Suds.optional(),
    sudsEnd: Suds.optional(),
  })).optional(),
}));
export type PracticeView = z.infer<typeof PracticeView>;

export const FollowUpView = lazyObject(() => ({
  contactId: z.string(),
  displayName: z.string(),
  state: z.enum(['due', 'late', 'done']),
  metOn: IsoDate,
  dueBy: IsoDate,
  followedUpOn: IsoDate.optional(),
  subject: z.string(),
  draft: z.string(),
  email: z.string().optional(),
}));
export type FollowUpView = z.infer<typeof FollowUpView>;

export const EventView = lazyObject(() => ({
  event: EventRecord,
  today: IsoDate,
  prep: z.object({
    likely: z.array(LikelyAttendeeView),
    starters: z.array(z.object({ id: z.string(), text: z.string() })),
    practice: PracticeView.optional(),
  }),
  followUps: z.array(FollowUpView),
  review: z.object({
    met: z.number().int(),
    followedUp: z.number().int(),
    waiting: z.number().int(),
    summary: z.string(),
  }),
}));
export type EventView = z.infer<typeof EventView>;

/** How a person is linked to an event, strongest first. */
export const PersonEvent = lazyObject(() => ({
  id: z.string(),
  name: z.string(),
  kind: EventKind,
  startsOn: IsoDate,
  relation: z.enum(['met', 'attended', 'going']),
}));
export type PersonEvent = z.infer<typeof PersonEvent>;

export const PracticeLink = lazyExtend(EventPractice, () => ({
  eventId: z.string(),
  name: z.string(),
  startsOn: IsoDate,
}));
export type PracticeLink = z.infer<typeof PracticeLink>;

/** What quick capture sends: typed in seconds, or filled from a card for review. */
export const CaptureInput = lazyObject(() => ({
  eventId: Id,
  name: z.string().trim().min(1, 'Name is required').max(200, 'Keep the name under 200 characters'),
  detail: optional(500, 'Keep the detail under 500 characters'),
  /** An email, phone number or profile link (kept on the person), or a note ("coffee next week"). */
  followUp: optional(500, 'Keep it under 500 characters'),
  email: optional(500, 'Keep the email under 500 characters'),
  phone: optional(100, 'Keep the phone number under 100 characters'),
  organisation: optional(200, 'Keep the organisation under 200 characters'),
  title: optional(200, 'Keep the job title under 200 characters'),
  url: optional(2000, 'Keep the link under 2,000 characters'),
  note: optional(2000, 'Keep the note under 2,000 characters'),
  /** Someone already in Rapport (a match the form offered): logged as met, not added again. */
  contactId: Id.optional(),
}));
export type CaptureDraft = z.input<typeof CaptureInput>;
export type CaptureFields = z.output<typeof CaptureInput>;

/** What quick capture asks while typing: who this may already be. */
export const CaptureMatchQuery = CaptureInput.pick({ name: true, followUp: true, email: true, phone: true, url: true });
export type CaptureMatchQuery = z.output<typeof CaptureMatchQuery>;
export const CaptureMatch = lazyObject(() => ({
  id: z.string(),
  displayName: z.string(),
  organisation: z.string().optional(),
  reasons: z.array(z.enum(['email', 'phone', 'name'])),
}));
export type CaptureMatch = z.infer<typeof CaptureMatch>;

/** Events: records, .ics in and out, the prep sheet, quick capture and the follow-up queue. */
export const eventsRequests = {
  'events.create': channel(() => ({ input: z.object({ fields: EventFields }), output: EventRecord })),
  'events.update': channel(() => ({ input: z.object({ id: Id, fields: EventFields }), output: EventRecord })),
  'events.delete': channel(() => ({ input: z.object({ id: Id }), output: UndoReceipt })),
  'events.settleSetAside': channel(() => ({ input: SettleSetAside, output: EventRecord })),
  /** Reads one event from an .ics file's text, for the form to show before saving. Writes nothing. */
  'events.parseIcs': channel(() => ({
    input: z.object({ text: z.string().min(1, 'The file is empty').max(1_000_000, 'The file is over 1 MB') }),
    output: EventFields,
  })),
  'events.exportIcs': channel(() => ({
    input: z.object({ id: Id }),
    output: z.object({ fileName: z.string(), text: z.string() }),
  })),
  /** Sets (not flips) a "going" mark. */
  'events.setGoing': channel(() => ({
    input: z.object({ id: Id, contactId: Id, going: z.boolean() }),
    output: z.object({ going: z.array(z.string()) }),
  })),
  'events.setPractice': channel(() => ({
    input: z.object({ id: Id, practice: EventPractice.nullable() }),
    output: EventRecord,
  })),
  /** A new person met at the event: one interaction with the event's id, their detail, their contact route. */
  /** People already known who may be the one being captured (same email or phone, or a near-identical name). */
  'events.captureMatches': channel(() => ({ input: CaptureMatchQuery, output: z.array(CaptureMatch).max(3) })),
  'events.capture': channel(() => ({
    input: CaptureInput,
    output: z.object({ contactId: z.string(), interactionId: z.string() }),
  })),
  /** Logs the follow-up as an interaction with the event's id. */
  'events.markSent': channel(() => ({
    input: z.object({ id: Id, contactId: Id, via: z.enum(['email', 'message']).default('email') }),
    output: Interaction,
  })),
} as const;

export const eventsEvents = {
  /** The shell's global shortcut: open quick capture for the event on now (or the Events screen). */
  'events.openCapture': z.object({}),
} as const;

export const eventsSubscriptions = {
  /** Every event, soonest upcoming first, then past ones newest first. */
  'events.watchList': channel(() => ({ input: z.object({}), output: z.array(EventListItem) })),
  'events.watch': channel(() => ({ input: z.object({ id: Id }), output: EventView })),
  'events.watchForPerson': channel(() => ({ input: z.object({ contactId: Id }), output: z.array(PersonEvent) })),
  /** Ladder steps chosen as an event's practice, so the Practice screen links back to the event. */
  'events.watchPracticeLinks': channel(() => ({ input: z.object({}), output: z.array(PracticeLink) })),
} as const;

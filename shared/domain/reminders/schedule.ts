import type { Cadence, TierCadences } from '../cadence.ts';
import type { Tier } from '../contact.ts';
import {
  effectiveCadence,
  keepInTouchStatus,
  type KeepInTouchStatus,
  type TrackedStatus,
} from '../keep-in-touch/status.ts';
import { ageOn, birthdayIn, type BirthdayValue } from './birthdays.ts';
import type { PersonHold } from './settings.ts';
import { instantAt, parseTime, startOfNextDay, wallClock } from './zoned.ts';

/**
 * The reminder scheduler: pure, so every rule is a table-driven test. Given people, what is on
 * file about them, the user's holds and "now" in their IANA time zone, it answers who is due
 * today and why, and the next instant the answer can change (the service sleeps until then).
 */

/** Hours after meeting someone at a conference or meet-up that a follow-up becomes due. */
export const EVENT_FOLLOW_UP_HOURS = 48;
/** Days the event follow-up stays on the list before it quietly lapses into the normal rhythm. */
export const EVENT_FOLLOW_UP_LAPSES_DAYS = 7;
/** Meetings without a time of day count as noon, so the follow-up lands in the day, not at night. */
export const UNTIMED_MEETING = '12:00';

export interface ReminderPerson {
  id: string;
  displayName: string;
  tier?: Tier | undefined;
  cadence?: Cadence | undefined;
  birthday?: BirthdayValue | undefined;
  /** `YYYY-MM-DD` the person was added (their clock before any interaction). */
  addedOn: string;
  lastInteractionOn?: string | undefined;
}

/**
 * An open detail with a follow-up date. Its text is not needed to schedule: the Today view adds
 * it to the reasons it shows (reminders/follow-up-texts.ts), so thousands of waiting follow-ups
 * cost no detail reads.
 */
export interface FollowUpDetail {
  id: string;
  contactId: string;
  followUpOn: string;
  /** See `NamedPerson`. */
  displayName?: string | undefined;
}

/** Meeting someone at a conference or meet-up. */
export interface EventMeeting {
  interactionId: string;
  contactId: string;
  type: 'conference' | 'meet-up';
  date: string;
  /** Local `HH:mm`, when logged. */
  time?: string | undefined;
  /** See `NamedPerson`. */
  displayName?: string | undefined;
}

/**
 * A follow-up or meeting may name its person, for a person `people` does not hold: then the caller
 * vouches that they are someone reminders are for and not in touch since (Today reads them from
 * rows that say so, instead of reading a thousand people met at one conference). Only a skip,
 * from the holds, can still answer it. Without a name, a person `people` lacks has no reason.
 */
type NamedPerson = Pick<FollowUpDetail, 'contactId' | 'displayName'>;

export interface ScheduleInput {
  now: Date;
  /** The user's IANA time zone, e.g. `Europe/London`. */
  timeZone: string;
  tiers: TierCadences;
  people: readonly ReminderPerson[];
  followUps: readonly FollowUpDetail[];
  events: readonly EventMeeting[];
  holds: Readonly<Record<string, PersonHold>>;
}

export type DueReason =
  | { kind: 'overdue' | 'due'; status: TrackedStatus }
  | {
      kind: 'event-follow-up';
      interactionId: string;
      eventType: 'conference' | 'meet-up';
      metOn: string;
      dueAt: string;
    }
  | { kind: 'birthday'; turning?: number }
  /** `text` is added for shown reasons of `normal` details only (reminders/follow-up-texts.ts). */
  | { kind: 'follow-up'; detailId: string; followUpOn: string; text?: string };

export interface DuePerson {
  id: string;
  displayName: string;
  /** Most pressing first. */
  reasons: DueReason[];
}

export interface Schedule {
  /** Today in the user's zone. */
  today: string;
  /** Everyone with at least one reason today, most pressing first. */
  due: DuePerson[];
  /** The next instant `due` can change without the data changing (midnight, an event follow-up). */
  nextChangeAt: Date;
  /** Keep-in-touch status of every tracked person, with holds applied (skips restart the clock). */
  statuses: Map<string, TrackedStatus>;
}

const RANK: Record<DueReason['kind'], number> = {
  overdue: 0,
  'event-follow-up': 1,
  birthday: 2,
  'follow-up': 3,
  due: 4,
};
const HOUR = 3_600_000;

/** A reason's date for ordering people of equal rank: earlier waited longer. */
function reasonDate(reason: DueReason): string {
  switch (reason.kind) {
    case 'overdue':
      return reason.status.overdueOn;
    case 'due':
      return reason.status.dueOn;
    case 'event-follow-up':
      return reason.dueAt;
    case 'follow-up':
      return reason.followUpOn;
    case 'birthday':
      return '';
  }
}

const maxDay = (a: string | undefined, b: string | undefined) =>
  a === undefined ? b : b === undefined ? a : a > b ? a : b;

/**
 * Whether a meeting at an event still waits for its follow-up: any interaction with them on a
 * later day answers it (the meeting itself is on its own day), and so does a skip since.
 */
export function awaitsFollowUp(
  event: Pick<EventMeeting, 'date'>,
  person: Pick<ReminderPerson, 'lastInteractionOn'>,
  hold: PersonHold | undefined,
): boolean {
  if (person.lastInteractionOn && person.lastInteractionOn > event.date) return false;
  return !(hold?.skippedOn && hold.skippedOn >= event.date);
}

/** When following up on a meeting falls due: `EVENT_FOLLOW_UP_HOURS` elapsed hours after it. */
export const followUpDueAt = (metAt: Date): Date => new Date(metAt.getTime() + EVENT_FOLLOW_UP_HOURS * HOUR);

/** The moment of a meeting at an event, in `zone`; one logged without a time counts from noon. */
export const meetingAt = (event: Pick<EventMeeting, 'date' | 'time'>, zone: string): Date =>
  instantAt(event.date, parseTime(event.time ?? UNTIMED_MEETING), zone);

/** A person's keep-in-touch status on `today`, a skip restarting their cycle. */
export function personStatus(
  person: Pick<ReminderPerson, 'tier' | 'cadence' | 'addedOn' | 'lastInteractionOn'>,
  hold: PersonHold | undefined,
  tiers: TierCadences,
  today: string,
): KeepInTouchStatus {
  return keepInTouchStatus({
    cadence: effectiveCadence(person, tiers),
    lastInteractionOn: maxDay(person.lastInteractionOn, hold?.skippedOn),
    addedOn: person.addedOn,
    today,
  });
}

/**
 * Who is due today, and why.
 *
 * - **Keep in touch**: due/overdue by `keepInTouchStatus`, counting from the latest of the last
 *   interaction and a "skip this cycle" (so a skip restarts the cycle without logging anything).
 * - **Birthday**: on the day (see `birthdayIn` for 29 February), with the age when the year is known.
 * - **Detail follow-up**: an open detail whose `followUpOn` has come, until they are in touch on
 *   or after that day.
 * - **Event follow-up**: 48 elapsed hours after meeting them at a conference or meet-up (real
 *   hours: across a DST change the wall clock shows 47 or 49), until any later interaction, or
 *   `EVENT_FOLLOW_UP_LAPSES_DAYS` pass.
 * - A skip also clears birthday, detail and event reasons dated on or before the skip day.
 * - A snooze hides the person entirely until its day begins.
 */
export function schedule(input: ScheduleInput): Schedule {
  const { now, timeZone: zone } = input;
  const today = wallClock(now, zone).day;
  let next = startOfNextDay(now, zone);
  const consider = (at: Date) => {
    if (at.getTime() > now.getTime() && at.getTime() < next.getTime()) next = at;
  };

  const reasons = new Map<string, DueReason[]>();
  const names = new Map<string, string>();
  const add = (person: Pick<ReminderPerson, 'id' | 'displayName'>, reason: DueReason) => {
    const list = reasons.get(person.id);
    if (list) list.push(reason);
    else {
      reasons.set(person.id, [reason]);
      names.set(person.id, person.displayName);
    }
  };
  const people = new Map(input.people.map((p) => [p.id, p]));
  const personOf = ({ contactId, displayName }: NamedPerson): ReminderPerson | undefined =>
    people.get(contactId) ?? (displayName === undefined ? undefined : { id: contactId, displayName, addedOn: '' });
  const statuses = new Map<string, TrackedStatus>();

  for (const person of input.people) {
    const skippedOn = input.holds[person.id]?.skippedOn;
    const status = personStatus(person, input.holds[person.id], input.tiers, today);
    if (status.state !== 'untracked') {
      statuses.set(person.id, status);
      if (status.state !== 'on-track') add(person, { kind: status.state, status });
    }
    if (person.birthday && birthdayIn(person.birthday, Number(today.slice(0, 4))) === today) {
      const handled = maxDay(person.lastInteractionOn, skippedOn);
      if (!handled || handled < today) {
        const turning = ageOn(person.birthday, today);
        add(person, turning === undefined ? { kind: 'birthday' } : { kind: 'birthday', turning });
      }
    }
  }

  for (const detail of input.followUps) {
    const person = personOf(detail);
    if (!person || detail.followUpOn > today) continue;
    const handled = maxDay(person.lastInteractionOn, input.holds[person.id]?.skippedOn);
    if (handled && handled >= detail.followUpOn) continue;
    add(person, { kind: 'follow-up', detailId: detail.id, followUpOn: detail.followUpOn });
  }

  // One conference meets hundreds of people at the same few times: each instant is worked out once.
  const instants = new Map<string, Date>();
  const meetingInstant = (day: string, time: string) => {
    const key = `${day} ${time}`;
    let at = instants.get(key);
    if (!at) instants.set(key, (at = instantAt(day, parseTime(time), zone)));
    return at;
  };
  for (const event of input.events) {
    const person = personOf(event);
    if (!person || !awaitsFollowUp(event, person, input.holds[person.id])) continue;
    const metAt = meetingInstant(event.date, event.time ?? UNTIMED_MEETING);
    const dueAt = followUpDueAt(metAt);
    const lapsesAt = new Date(dueAt.getTime() + EVENT_FOLLOW_UP_LAPSES_DAYS * 24 * HOUR);
    consider(dueAt);
    consider(lapsesAt);
    if (dueAt.getTime() <= now.getTime() && now.getTime() < lapsesAt.getTime()) {
      add(person, {
        kind: 'event-follow-up',
        interactionId: event.interactionId,
        eventType: event.type,
        metOn: event.date,
        dueAt: dueAt.toISOString(),
      });
    }
  }

  const due: DuePerson[] = [];
  for (const [id, list] of reasons) {
    const snoozedUntil = input.holds[id]?.snoozedUntil;
    if (snoozedUntil && snoozedUntil > today) continue;
    list.sort(
      (a, b) =>
        RANK[a.kind] - RANK[b.kind] || (reasonDate(a) < reasonDate(b) ? -1 : reasonDate(a) > reasonDate(b) ? 1 : 0),
    );
    due.push({ id, displayName: names.get(id)!, reasons: list });
  }
  due.sort((a, b) => {
    const ra = a.reasons[0]!;
    const rb = b.reasons[0]!;
    if (RANK[ra.kind] !== RANK[rb.kind]) return RANK[ra.kind] - RANK[rb.kind];
    const da = reasonDate(ra);
    const db = reasonDate(rb);
    if (da !== db) return da < db ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return { today, due, nextChangeAt: next, statuses };
}

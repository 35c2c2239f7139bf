/**
 * Today's "This week": who comes up in the next seven days, and why. A rhythm coming due, as the
 * keep-in-touch lanes say (`comesDueThisWeek`); a snooze that ends ("Back on 10 Dec": a snoozed person is
 * hidden from Today, and without this vanished with nothing saying when they return); a detail's
 * follow-up day; following up on someone met at an event, by its 48-hour deadline. Someone due now is on Today's other lists and not repeated here.
 */
import { addCalendarDays } from '../../../shared/domain/keep-in-touch/days.ts';
import { nameOrder } from '../../../shared/domain/name-order.ts';
import { comesDueThisWeek, THIS_WEEK_DAYS } from '../../../shared/domain/keep-in-touch/status.ts';
import { awaitsFollowUp, followUpDueAt, meetingAt } from '../../../shared/domain/reminders/schedule.ts';
import type { DueReasonView } from '../../../shared/domain/reminders/views.ts';
import { wallClock } from '../../../shared/domain/reminders/zoned.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { Snapshot } from './reminders-service.ts';
import { waitingFollowUps } from './inputs.ts';

export interface ComingPerson {
  id: string;
  displayName: string;
  reasons: DueReasonView[];
  /** The earliest day among the reasons (a rhythm's due day counts): the list's order. */
  on: string;
}

export async function comingThisWeek(db: RapportDatabase, snap: Snapshot): Promise<ComingPerson[]> {
  const { schedule: sched, data, state } = snap;
  const today = sched.today;
  const weekEnd = addCalendarDays(today, THIS_WEEK_DAYS);
  const dueNow = new Set(sched.due.map((p) => p.id));
  const names = new Map(data.people.map((p) => [p.id, p.displayName]));
  const coming = new Map<string, ComingPerson>();
  const add = (id: string, on: string, reason?: DueReasonView) => {
    if (dueNow.has(id)) return;
    const person = coming.get(id) ?? { id, displayName: names.get(id) ?? '', reasons: [], on };
    if (reason) person.reasons.push(reason);
    if (on < person.on) person.on = on;
    coming.set(id, person);
  };

  // The "this week" lane, unsorted (the list is sorted once, below): at 50,000 people sorting
  // every lane cost Today several milliseconds.
  for (const [id, status] of sched.statuses) if (comesDueThisWeek(status, today, weekEnd)) add(id, status.dueOn);
  // Waiting rows are of people Today can show (not archived, still here), and name them.
  for (const f of await waitingFollowUps(db, { after: today, through: weekEnd })) {
    if (!names.has(f.contactId)) names.set(f.contactId, f.displayName ?? '');
    add(f.contactId, f.followUpOn, { kind: 'follow-up', detailId: f.id, followUpOn: f.followUpOn });
  }

  // Met at a conference or meet-up and not followed up yet: due 48 hours after, when it moves to
  // Due now; until then it says by when, so the follow-up can go out within the two days.
  const people = new Map(data.people.map((p) => [p.id, p]));
  // Met over two days ago (a day more for time zones): due already, so on Due now, not here.
  const recent = addCalendarDays(today, -3);
  for (const event of data.events) {
    if (event.date < recent) continue;
    // A person the snapshot did not read is as the meeting's row names them (`NamedPerson`).
    const person = people.get(event.contactId) ?? {
      id: event.contactId,
      displayName: event.displayName ?? '',
      lastInteractionOn: undefined,
    };
    if (!awaitsFollowUp(event, person, state.holds[person.id])) continue;
    if (!names.has(person.id)) names.set(person.id, person.displayName);
    const dueAt = followUpDueAt(meetingAt(event, snap.zone));
    const dueDay = wallClock(dueAt, snap.zone).day;
    if (dueAt <= snap.now || dueDay > weekEnd) continue;
    const { interactionId, type: eventType, date: metOn } = event;
    add(person.id, dueDay, { kind: 'event-follow-up', interactionId, eventType, metOn, dueAt: dueAt.toISOString() });
  }

  for (const [id, hold] of Object.entries(state.holds)) {
    const until = hold.snoozedUntil;
    // Holds of archived or deleted people stay in the state; only those Today can show count.
    if (!until || until <= today || until > weekEnd || !names.has(id)) continue;
    add(id, until, { kind: 'snoozed', until });
    // Hidden until then, whatever else falls due meanwhile: that is when they come up, and what
    // falls before it (a follow-up day) is not said: they are not on Today that day.
    const person = coming.get(id)!;
    person.on = until;
    person.reasons = person.reasons.filter((r) => dayOf(r, snap.zone) >= until);
  }
  const byName = nameOrder();
  return [...coming.values()]
    .map((p) => ({ ...p, displayName: names.get(p.id) ?? p.displayName }))
    .sort(
      (a, b) =>
        (a.on < b.on ? -1 : a.on > b.on ? 1 : 0) ||
        byName(a.displayName, b.displayName) ||
        // Names that fold alike ("José", "Jose") still have one order.
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

/** The day a reason comes up on (a snooze's end, a follow-up's day, an event follow-up's deadline). */
function dayOf(reason: DueReasonView, zone: string): string {
  if (reason.kind === 'follow-up') return reason.followUpOn;
  if (reason.kind === 'event-follow-up') return wallClock(new Date(reason.dueAt), zone).day;
  if (reason.kind === 'snoozed') return reason.until;
  return '';
}

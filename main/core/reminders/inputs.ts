import { addCalendarDays } from '../../../shared/domain/keep-in-touch/days.ts';
import type { EventMeeting, FollowUpDetail, ReminderPerson } from '../../../shared/domain/reminders/schedule.ts';
import { EVENT_FOLLOW_UP_LAPSES_DAYS } from '../../../shared/domain/reminders/schedule.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { PersonIndexDocument } from '../projection/schema.ts';

/** What the scheduler needs from the database, read fresh on every run. */
export interface ReminderData {
  people: (ReminderPerson & { givenName?: string | undefined })[];
  followUps: FollowUpDetail[];
  events: EventMeeting[];
}

const EVENT_TYPES = ['conference', 'meet-up'] as const;

/**
 * Loads conferences and meet-ups recent enough to still need a follow-up, the people `peopleRows`
 * gives (asked for by the ids those meetings name too: everyone, or those who can be due soon,
 * candidates.ts), and their unanswered follow-ups. Archived people get no reminders.
 */
export async function loadReminderData(
  db: RapportDatabase,
  today: string,
  peopleRows: (alsoIds: string[]) => Promise<Iterable<PersonIndexDocument>>,
): Promise<ReminderData> {
  // The follow-up lapses a week after it is due, so older meetings can be left unread.
  const from = addCalendarDays(today, -(EVENT_FOLLOW_UP_LAPSES_DAYS + 3));
  const meetings: EventMeeting[] = [];
  for (const type of EVENT_TYPES) {
    const found = await db.interactions
      .find({ selector: { type, sortKey: { $gte: from } }, index: ['type', 'sortKey'] })
      .exec();
    for (const i of found)
      for (const contactId of i.contactIds)
        meetings.push({ interactionId: i.id, contactId, type, date: i.date, time: i.time });
  }

  const rows = [...(await peopleRows(meetings.map((m) => m.contactId)))].filter((d) => !d.archived);
  const people = rows.map((d) => ({
    id: d.id,
    displayName: d.displayName,
    givenName: d.givenName,
    tier: d.tier,
    cadence: d.cadence,
    birthday: d.birthday,
    addedOn: d.addedOn,
    lastInteractionOn: d.lastInteractionOn || undefined,
  }));
  const active = new Set(people.map((p) => p.id));
  return {
    people,
    followUps: await unansweredFollowUps(db, today, rows),
    events: meetings.filter((m) => active.has(m.contactId)),
  };
}

/**
 * The open details whose follow-up day has come and that no interaction on or after that day
 * answered, for these people: only those with such a day (`followUpFrom`) are looked at.
 */
async function unansweredFollowUps(
  db: RapportDatabase,
  today: string,
  rows: readonly PersonIndexDocument[],
): Promise<FollowUpDetail[]> {
  const waiting = new Map(rows.filter((r) => r.followUpFrom && r.followUpFrom <= today).map((r) => [r.id, r]));
  if (!waiting.size) return [];
  const query = db.follow_ups.find({ selector: { followUpOn: { $lte: today } }, index: ['followUpOn'] });
  const due = (await db.follow_ups.storageInstance.query(query.getPreparedQuery())).documents.filter((f) => {
    const person = waiting.get(f.contactId);
    return person !== undefined && f.followUpOn > person.lastInteractionOn;
  });
  const details = await db.details.storageInstance.findDocumentsById(
    due.map((f) => f.id),
    false,
  );
  return details
    .sort((a, b) => (a.followUpOn! < b.followUpOn! ? -1 : a.followUpOn! > b.followUpOn! ? 1 : a.id < b.id ? -1 : 1))
    .map((d) => ({
      id: d.id,
      contactId: d.contactId,
      text: d.text,
      sensitivity: d.sensitivity,
      followUpOn: d.followUpOn!,
    }));
}

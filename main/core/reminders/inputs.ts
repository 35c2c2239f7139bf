import { addCalendarDays } from '../../../shared/domain/keep-in-touch/days.ts';
import type { EventMeeting, FollowUpDetail, ReminderPerson } from '../../../shared/domain/reminders/schedule.ts';
import { EVENT_FOLLOW_UP_LAPSES_DAYS } from '../../../shared/domain/reminders/schedule.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { MeetingDocument, PersonIndexDocument } from '../projection/schema.ts';
import { storedDocuments } from '../db/stored.ts';

/** What the scheduler needs from the database, read fresh on every run. */
export interface ReminderData {
  people: (ReminderPerson & { givenName?: string | undefined })[];
  followUps: FollowUpDetail[];
  events: EventMeeting[];
}

/**
 * Loads conferences and meet-ups recent enough to still need a follow-up and the follow-ups whose
 * day has come, both only where the person still waits for them (their rows say so, and name the
 * person: `NamedPerson` in schedule.ts), and the people `peopleRows` gives: everyone, or those
 * who can be due soon (candidates.ts). Archived people get no reminders. Reads go to the storage
 * directly: at 50,000 people a conference can name a thousand of them, and RxDB's document
 * objects are not needed here.
 */
export async function loadReminderData(
  db: RapportDatabase,
  today: string,
  peopleRows: () => Promise<Iterable<PersonIndexDocument>>,
): Promise<ReminderData> {
  const [events, followUps, rows] = await Promise.all([
    recentMeetings(db, today),
    waitingFollowUps(db, { through: today }),
    peopleRows(),
  ]);
  const people = [...rows].filter((d) => !d.archived).map(reminderPerson);
  return { people, followUps, events };
}

type ReminderRow = ReminderData['people'][number];

const reminderPerson = (d: PersonIndexDocument): ReminderRow => ({
  id: d.id,
  displayName: d.displayName,
  givenName: d.givenName,
  tier: d.tier,
  cadence: d.cadence,
  birthday: d.birthday,
  addedOn: d.addedOn,
  lastInteractionOn: d.lastInteractionOn || undefined,
});

/**
 * `people` by id, with those of `shown` it lacks read too: someone on Today for a follow-up or a
 * meeting alone is not among the people a snapshot reads (`NamedPerson` in schedule.ts), and
 * Today shows their rhythm.
 */
export async function withUnreadPeople(
  db: RapportDatabase,
  people: readonly ReminderRow[],
  shown: readonly { id: string }[],
): Promise<Map<string, ReminderRow>> {
  const byId = new Map(people.map((p) => [p.id, p]));
  const unread = [...new Set(shown.map((p) => p.id))].filter((id) => !byId.has(id));
  if (unread.length)
    for (const row of await db.people_index.storageInstance.findDocumentsById(unread, false))
      byId.set(row.id, reminderPerson(row));
  return byId;
}

/** Everyone met at a conference or meet-up who still waits for the follow-up, recently enough that it has not lapsed. */
async function recentMeetings(db: RapportDatabase, today: string): Promise<EventMeeting[]> {
  // The follow-up lapses a week after it is due, so older meetings can be left unread.
  const from = addCalendarDays(today, -(EVENT_FOLLOW_UP_LAPSES_DAYS + 3));
  const query = db.meetings.find({ selector: { waiting: true, date: { $gte: from } }, index: ['waiting', 'date'] });
  const found: MeetingDocument[] = await storedDocuments(query);
  return found.map(({ interactionId, contactId, type, date, time, displayName }) => ({
    interactionId,
    contactId,
    type,
    date,
    ...(time ? { time } : {}),
    displayName,
  }));
}

/**
 * Open details whose follow-up day is `through` or earlier (and after `after`, when given), of
 * people reminders are for, that no interaction on or after it answered (`follow_ups.waiting`),
 * oldest first. The rows hold
 * all the scheduler needs; the text of the few shown is read afterwards (follow-up-texts.ts).
 */
export async function waitingFollowUps(
  db: RapportDatabase,
  { after, through }: { after?: string; through: string },
): Promise<FollowUpDetail[]> {
  const query = db.follow_ups.find({
    selector: { waiting: true, followUpOn: { $lte: through, ...(after ? { $gt: after } : {}) } },
    sort: [{ followUpOn: 'asc' }, { id: 'asc' }],
    index: ['waiting', 'followUpOn'],
  });
  const waiting = await storedDocuments(query);
  return waiting.map(({ id, contactId, followUpOn, displayName }) => ({ id, contactId, followUpOn, displayName }));
}

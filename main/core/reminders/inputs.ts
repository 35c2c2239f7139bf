import { addCalendarDays } from '../../../shared/domain/keep-in-touch/days.ts';
import type { EventMeeting, FollowUpDetail, ReminderPerson } from '../../../shared/domain/reminders/schedule.ts';
import { EVENT_FOLLOW_UP_LAPSES_DAYS } from '../../../shared/domain/reminders/schedule.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { InteractionDocument } from '../interactions/schema.ts';
import type { PersonIndexDocument } from '../projection/schema.ts';

/** What the scheduler needs from the database, read fresh on every run. */
export interface ReminderData {
  people: (ReminderPerson & { givenName?: string | undefined })[];
  followUps: FollowUpDetail[];
  events: EventMeeting[];
}

const EVENT_TYPES = ['conference', 'meet-up'] as const;

/**
 * Loads conferences and meet-ups recent enough to still need a follow-up, the follow-ups whose
 * day has come and that no interaction answered yet, and the people `peopleRows` gives (asked
 * for by the ids those name too: everyone, or those who can be due soon, candidates.ts).
 * Archived people get no reminders. Reads go to the storage directly: at 50,000 people a
 * conference can name a thousand of them, and RxDB's document objects are not needed here.
 */
export async function loadReminderData(
  db: RapportDatabase,
  today: string,
  peopleRows: (alsoIds: string[]) => Promise<Iterable<PersonIndexDocument>>,
): Promise<ReminderData> {
  const [meetings, followUps] = await Promise.all([
    recentMeetings(db, today),
    waitingFollowUps(db, { through: today }),
  ]);
  const named = [...meetings.map((m) => m.contactId), ...followUps.map((f) => f.contactId)];
  const rows = [...(await peopleRows(named))].filter((d) => !d.archived);
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
    followUps: followUps.filter((f) => active.has(f.contactId)),
    events: meetings.filter((m) => active.has(m.contactId)),
  };
}

/** Everyone met at a conference or meet-up recently enough that the follow-up has not lapsed. */
async function recentMeetings(db: RapportDatabase, today: string): Promise<EventMeeting[]> {
  // The follow-up lapses a week after it is due, so older meetings can be left unread.
  const from = addCalendarDays(today, -(EVENT_FOLLOW_UP_LAPSES_DAYS + 3));
  const meetings: EventMeeting[] = [];
  for (const type of EVENT_TYPES) {
    const query = db.interactions.find({ selector: { type, sortKey: { $gte: from } }, index: ['type', 'sortKey'] });
    const found: InteractionDocument[] = (await db.interactions.storageInstance.query(query.getPreparedQuery()))
      .documents;
    for (const i of found)
      for (const contactId of new Set(i.contactIds))
        meetings.push({ interactionId: i.id, contactId, type, date: i.date, time: i.time });
  }
  return meetings;
}

/**
 * Open details whose follow-up day is `through` or earlier (and after `after`, when given) and
 * that no interaction on or after it answered (`follow_ups.waiting`), oldest first. The rows hold
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
  const waiting = (await db.follow_ups.storageInstance.query(query.getPreparedQuery())).documents;
  return waiting.map(({ id, contactId, followUpOn }) => ({ id, contactId, followUpOn }));
}

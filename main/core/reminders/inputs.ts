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
 * Loads active people, open details with a follow-up date, and conferences and meet-ups recent
 * enough to still need a follow-up. Archived people get no reminders. `everyone` gives the
 * `people_index` rows the People windows already hold: reading them again as documents took
 * ~0.5 s and much of a start's garbage at 50,000 people.
 */
export async function loadReminderData(
  db: RapportDatabase,
  today: string,
  everyone: () => Promise<ReadonlyMap<string, PersonIndexDocument>>,
): Promise<ReminderData> {
  const rows = [...(await everyone()).values()].filter((d) => !d.archived);
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

  const details = await db.details.find({ selector: { status: 'open', followUpOn: { $exists: true } } }).exec();
  const followUps = details
    .filter((d) => d.followUpOn && active.has(d.contactId))
    .map((d) => ({
      id: d.id,
      contactId: d.contactId,
      text: d.text,
      sensitivity: d.sensitivity,
      followUpOn: d.followUpOn!,
    }));

  // The follow-up lapses a week after it is due, so older meetings can be left unread.
  const from = addCalendarDays(today, -(EVENT_FOLLOW_UP_LAPSES_DAYS + 3));
  const events: EventMeeting[] = [];
  for (const type of EVENT_TYPES) {
    const found = await db.interactions
      .find({ selector: { type, sortKey: { $gte: from } }, index: ['type', 'sortKey'] })
      .exec();
    for (const i of found) {
      for (const contactId of i.contactIds) {
        if (active.has(contactId)) events.push({ interactionId: i.id, contactId, type, date: i.date, time: i.time });
      }
    }
  }
  return { people, followUps, events };
}

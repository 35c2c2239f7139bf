/**
 * What the events area reads from other areas' collections. Attendees are never copied onto an
 * event: they are found through interactions carrying its id. Met interactions are dated within
 * the event's days (quick capture clamps the date), so a range scan over the timeline's sort
 * index finds them without an index on `eventId`.
 */
import { eventDays, MET_TYPE, type EventRecord } from '../../../shared/domain/events/model.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { InteractionDocument } from '../interactions/schema.ts';

/** Interactions carrying the event's id, dated from its first day up to `until` (inclusive). */
export async function eventInteractions(
  db: RapportDatabase,
  event: EventRecord,
  until?: string,
): Promise<InteractionDocument[]> {
  const { first } = eventDays(event);
  const sortKey = until ? { $gte: first, $lte: `${until}~` } : { $gte: first };
  const docs = await db.interactions.find({ selector: { sortKey }, index: ['sortKey'] }).exec();
  return docs.map((d) => d.toMutableJSON() as InteractionDocument).filter((i) => i.eventId === event.id);
}

export interface Attendance {
  /** Person → the day they were first met at the event. */
  metOn: Map<string, string>;
  /** Person → the first follow-up logged with the event on or after meeting them. */
  followedUpOn: Map<string, string>;
}

/** People met (interactions of the event's own type) and followed up (any other type). */
export function attendanceOf(event: EventRecord, interactions: readonly InteractionDocument[]): Attendance {
  const metType = MET_TYPE[event.kind];
  const metOn = new Map<string, string>();
  const sorted = [...interactions].sort((a, b) => a.sortKey.localeCompare(b.sortKey));
  for (const i of sorted) {
    if (i.type !== metType) continue;
    for (const id of i.contactIds) if (!metOn.has(id)) metOn.set(id, i.date);
  }
  const followedUpOn = new Map<string, string>();
  for (const i of sorted) {
    if (i.type === metType) continue;
    for (const id of i.contactIds) {
      const met = metOn.get(id);
      if (met && i.date >= met && !followedUpOn.has(id)) followedUpOn.set(id, i.date);
    }
  }
  return { metOn, followedUpOn };
}

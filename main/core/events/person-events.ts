import { auditTime, merge, startWith, switchMap, type Observable } from 'rxjs';
import { MET_TYPE } from '../../../shared/domain/events/model.ts';
import type { PersonEvent } from '../../../shared/ipc/channels/events.ts';
import type { RapportDatabase } from '../db/database.ts';
import { toEvent, type EventDocument } from './schema.ts';

/**
 * A person's events, for their page: where they were met ("met at"), other events they were
 * also met at ("also attended"), and events they are marked going to. Read through the person's
 * timeline (participations), so nothing is stored twice.
 */
export function watchPersonEvents(db: RapportDatabase, contactId: string): Observable<PersonEvent[]> {
  return merge(db.events.$, db.participations.$, db.contacts.findOne(contactId).$).pipe(
    auditTime(50),
    startWith(null),
    switchMap(() => personEvents(db, contactId)),
  );
}

export async function personEvents(db: RapportDatabase, contactId: string): Promise<PersonEvent[]> {
  const links = await db.participations.find({ selector: { contactId }, index: ['contactId', 'sortKey'] }).exec();
  const interactions = [...(await db.interactions.findByIds(links.map((l) => l.interactionId)).exec()).values()]
    .map((i) => i.toMutableJSON())
    .filter((i) => i.eventId);
  const going = await db.events.find({ selector: { going: { $elemMatch: { $eq: contactId } } } }).exec();
  const ids = [...new Set([...interactions.map((i) => i.eventId!), ...going.map((g) => g.id)])];
  const events = [...(await db.events.findByIds(ids).exec()).values()].map((d) =>
    toEvent(d.toMutableJSON() as EventDocument),
  );
  const metAt = (await db.contacts.findOne(contactId).exec())?.metAtEventId;
  const attended = events.filter((e) => interactions.some((i) => i.eventId === e.id && i.type === MET_TYPE[e.kind]));
  // "Met at" is where they were added from, else the first event they were met at.
  const first = [...attended].sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
  const metId = attended.some((e) => e.id === metAt) ? metAt : first?.id;
  return events
    .map((e): PersonEvent => ({
      id: e.id,
      name: e.name,
      kind: e.kind,
      startsOn: e.startsOn,
      relation: e.id === metId ? 'met' : attended.includes(e) ? 'attended' : 'going',
    }))
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn));
}

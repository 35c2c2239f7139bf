/** The event page's live view: the prep sheet, the follow-up queue and the review. */
import { libraryStarters } from '../../../shared/content/library.ts';
import { followUpQueue, reviewOf } from '../../../shared/domain/events/follow-ups.ts';
import { eventDays, MET_TYPE, PRACTICE_SITUATION, type EventRecord } from '../../../shared/domain/events/model.ts';
import { eventStarters, likelyAttendees, practiceStepFor, seriesKey } from '../../../shared/domain/events/prep.ts';
import type { EventView, PracticeView } from '../../../shared/ipc/channels/events.ts';
import type { RapportDatabase } from '../db/database.ts';
import { FAVOURITES } from '../practice/starters-service.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { attendanceOf, eventInteractions } from './reads.ts';
import { toEvent } from './schema.ts';
import { findAnyOf } from '../db/find-any-of.ts';

export async function computeEventView(
  db: RapportDatabase,
  settings: SettingsStore,
  event: EventRecord,
  today: string,
): Promise<EventView> {
  const attendance = attendanceOf(event, await eventInteractions(db, event));
  const metIds = [...attendance.metOn.keys()];

  // Prep: people likely to be there.
  const people = (await db.people_index.find().exec()).map((p) => p.toMutableJSON());
  const pastEvents = await pastSeriesAttendance(db, event);
  const likely = likelyAttendees({ event, people, pastEvents, metHere: new Set(metIds) });
  const likelyIds = likely.map((l) => l.contactId);
  const details = (await findAnyOf(db.details, 'contactId', [...likelyIds, ...metIds], { status: 'open' })).map((d) =>
    d.toMutableJSON(),
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  const favourites = (await settings.read(FAVOURITES)).ids;

  const contacts = await db.contacts.findByIds(metIds).exec();
  const queue = followUpQueue({
    event: { id: event.id, name: event.name, metType: MET_TYPE[event.kind] },
    today,
    library: libraryStarters(),
    met: metIds.flatMap((id) => {
      const contact = contacts.get(id);
      if (!contact) return [];
      const email = contact.emails.find((e) => e.preferred)?.value ?? contact.emails[0]?.value;
      return [
        {
          contactId: id,
          displayName: contact.displayName,
          givenName: contact.givenName,
          metOn: attendance.metOn.get(id)!,
          email,
          details: details.filter((d) => d.contactId === id),
          followedUpOn: attendance.followedUpOn.get(id),
        },
      ];
    }),
  });

  return {
    event,
    today,
    prep: {
      likely: likely.map(({ contactId, reasons }) => {
        const person = byId.get(contactId)!;
        return {
          id: contactId,
          displayName: person.displayName,
          ...(person.organisation ? { organisation: person.organisation } : {}),
          reasons,
          going: event.going.includes(contactId),
          askAbout: details
            .filter((d) => d.contactId === contactId && d.sensitivity !== 'sensitive')
            .map((d) => ({ id: d.id, text: d.text })),
        };
      }),
      starters: eventStarters({ eventId: event.id, kind: event.kind, favourites }, libraryStarters()).map((s) => ({
        id: s.id,
        text: s.text,
      })),
      ...(await practiceFor(db, event).then((practice) => (practice ? { practice } : {}))),
    },
    followUps: queue,
    review: reviewOf(queue, event.goal),
  };
}

/** Person → other events of the same series they were met at or marked going to. */
async function pastSeriesAttendance(db: RapportDatabase, event: EventRecord) {
  const series = seriesKey(event.name);
  const result = new Map<string, { id: string; name: string }[]>();
  if (!series) return result;
  const others = (await db.events.find({ selector: { startsOn: { $lt: event.startsOn } }, index: ['startsOn'] }).exec())
    .map((d) => toEvent(d.toMutableJSON()))
    .filter((e) => e.id !== event.id && seriesKey(e.name) === series);
  for (const other of others) {
    const { last } = eventDays(other);
    const { metOn } = attendanceOf(other, await eventInteractions(db, other, last));
    for (const id of new Set([...metOn.keys(), ...other.going])) {
      result.set(id, [...(result.get(id) ?? []), { id: other.id, name: other.name }]);
    }
  }
  return result;
}

async function practiceFor(db: RapportDatabase, event: EventRecord): Promise<PracticeView | undefined> {
  const ladders = (await db.practice_ladders.find().exec()).map((l) => l.toMutableJSON());
  const sessions = (await db.practice_sessions.find().exec()).map((s) => s.toMutableJSON());
  const doneStepIds = new Set(sessions.filter((s) => s.status === 'done' && s.stepId).map((s) => s.stepId!));
  // The chosen step stays offered even once practised: the review shows how it went.
  const step = practiceStepFor({
    situation: PRACTICE_SITUATION[event.kind],
    chosen: event.practice,
    ladders,
    doneStepIds: event.practice ? new Set([...doneStepIds].filter((id) => id !== event.practice!.stepId)) : doneStepIds,
  });
  if (!step) return undefined;
  const { first, last } = eventDays(event);
  const session = sessions
    .filter((s) => s.ladderId === step.ladderId && s.stepId === step.stepId && s.date >= first && s.date <= last)
    .sort((a, b) => (a.status === b.status ? b.date.localeCompare(a.date) : a.status === 'done' ? -1 : 1))[0];
  return {
    ...step,
    ...(session
      ? {
          session: {
            id: session.id,
            status: session.status,
            sudsBefore: session.sudsBefore,
            ...(session.after ? { sudsPeak: session.after.sudsPeak, sudsEnd: session.after.sudsEnd } : {}),
          },
        }
      : {}),
  };
}

/**
 * The events area: conferences, meet-ups, courses. It alone writes `events`; the people met and
 * the follow-ups sent are written through the people, interactions and details areas, each with
 * the event's id, so an event's attendees are one set of records and never copies.
 */
import { randomUUID } from 'node:crypto';
import { auditTime, combineLatest, map, merge, startWith, switchMap, type Observable } from 'rxjs';
import { parseFollowUpHow } from '../../../shared/domain/events/capture.ts';
import {
  eventDays,
  MET_TYPE,
  ValidEventRecord,
  type EventFields,
  type EventRecord,
} from '../../../shared/domain/events/model.ts';
import type { Interaction } from '../../../shared/domain/interaction.ts';
import type { SearchHitView } from '../../../shared/domain/views.ts';
import type {
  CaptureFields,
  EventListItem,
  eventsRequests,
  eventsSubscriptions,
} from '../../../shared/ipc/channels/events.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { asArea } from '../area.ts';
import { todayOf, today$ } from '../clock.ts';
import type { Area, CoreContext } from '../context.ts';
import { settledDocument, type SettleChoice } from '../sync/settle-set-aside.ts';
import { captureMatches, captureRoutes } from './capture.ts';
import { computeEventView } from './event-view.ts';
import { eventToIcs, icsFileName, parseEventIcs } from './ics.ts';
import { watchPersonEvents } from './person-events.ts';
import { attendanceOf, eventInteractions } from './reads.ts';
import { toEvent, type EventDocument } from './schema.ts';
import { searchEvents } from './search.ts';

export interface EventsApi {
  create(fields: EventFields): Promise<EventRecord>;
  update(id: string, fields: EventFields): Promise<EventRecord>;
  remove(id: string): Promise<{ undoToken: string }>;
  settleSetAside(id: string, conflictId: string, choice: SettleChoice): Promise<EventRecord>;
  setGoing(id: string, contactId: string, going: boolean): Promise<string[]>;
  setPractice(id: string, practice: EventRecord['practice'] | null): Promise<EventRecord>;
  capture(input: CaptureFields): Promise<{ contactId: string; interactionId: string }>;
  markSent(id: string, contactId: string, via: 'email' | 'message'): Promise<Interaction>;
  /** Events whose name, place or notes match, for the search screen. */
  search(q: string, limit: number): Promise<SearchHitView[]>;
}

type Requests = keyof typeof eventsRequests;
type Subscriptions = keyof typeof eventsSubscriptions;

export function createEventsArea(ctx: CoreContext): Area<Requests, Subscriptions> & { api: EventsApi } {
  const { db, clock } = ctx;
  const stamp = () => clock.now().toISOString();
  const find = async (id: string) => {
    const doc = await db.events.findOne(id).exec();
    if (!doc) throw new AppError('not_found', 'That event no longer exists.');
    return toEvent(doc.toMutableJSON() as EventDocument);
  };
  const write = async (event: EventRecord) => {
    await db.events.upsert(event);
    return event;
  };

  async function captureAt(event: EventRecord, input: CaptureFields) {
    const how = parseFollowUpHow(input.followUp ?? '');
    const routes = captureRoutes(input);
    // Someone already known (the form offered the match) keeps their record and gains any new
    // way to reach them; anyone else is added, met at this event.
    const contact = input.contactId
      ? await ctx.areas.people.addRoutes(input.contactId, routes)
      : await ctx.areas.people.create(
          {
            displayName: input.name,
            ...routes,
            ...(input.organisation ? { organisation: input.organisation } : {}),
            ...(input.title ? { role: input.title } : {}),
            howWeMet: `Met at ${event.name}`,
            metAtEventId: event.id,
          },
          { defaultRhythm: true },
        );
    const { first, last } = eventDays(event);
    const today = todayOf(clock);
    // Dated within the event's days, so the event finds its people by a range scan (reads.ts).
    const date = today < first ? first : today > last ? last : today;
    const notes = [input.note, how.kind === 'note' ? `Follow up: ${how.value}` : undefined].filter(Boolean);
    const interaction = await ctx.areas.interactions.log({
      interaction: {
        type: MET_TYPE[event.kind],
        date,
        contactIds: [contact.id],
        title: event.name,
        eventId: event.id,
        ...(notes.length ? { notes: notes.join('\n') } : {}),
        gave: [],
        asked: [],
        mutual: false,
      },
      newPeople: [],
      details: input.detail ? [{ text: input.detail, sensitivity: 'normal', contactId: contact.id }] : [],
    });
    return { contactId: contact.id, interactionId: interaction.id };
  }

  const api: EventsApi = asArea('events', {
    async create(fields: EventFields) {
      const at = stamp();
      return write({ ...fields, id: randomUUID(), createdAt: at, updatedAt: at });
    },
    async update(id: string, fields: EventFields) {
      const existing = await find(id);
      return write({ ...fields, id, createdAt: existing.createdAt, updatedAt: stamp() });
    },
    async settleSetAside(id: string, conflictId: string, choice: SettleChoice) {
      const doc = await db.events.findOne(id).exec();
      if (!doc) throw new AppError('not_found', 'That event no longer exists.');
      const current = doc.toMutableJSON() as EventDocument;
      const settled = settledDocument(current, conflictId, choice, ValidEventRecord);
      const next = { ...settled, updatedAt: stamp() };
      await db.events.upsert(next);
      return toEvent(next);
    },
    async remove(id: string) {
      const doc = await db.events.findOne(id).exec();
      if (!doc) throw new AppError('not_found', 'That event no longer exists.');
      // The people met and their interactions stay: they are the user's records, not the event's.
      const undoToken = await ctx.trash.discard(
        `Deleted the event ${doc.name}`,
        { events: [doc.toMutableJSON()] },
        async () => void (await doc.remove()),
      );
      return { undoToken };
    },
    async setGoing(id: string, contactId: string, going: boolean) {
      const event = await find(id);
      if (going) await ctx.areas.people.get(contactId);
      const next = going ? [...new Set([...event.going, contactId])] : event.going.filter((c) => c !== contactId);
      await write({ ...event, going: next, updatedAt: stamp() });
      return next;
    },
    async setPractice(id: string, practice: EventRecord['practice'] | null) {
      const { practice: _old, ...event } = await find(id);
      return write({ ...event, ...(practice ? { practice } : {}), updatedAt: stamp() });
    },
    async capture(input: CaptureFields) {
      const event = await find(input.eventId);
      // The person (or their new ways to reach them), the meeting and the detail: all or nothing.
      return ctx.journal.operation(`the quick capture of ${input.name}`, () => captureAt(event, input));
    },
    async markSent(id: string, contactId: string, via: 'email' | 'message') {
      const event = await find(id);
      const { metOn } = attendanceOf(event, await eventInteractions(db, event));
      const met = metOn.get(contactId);
      if (!met) {
        throw new AppError('invalid_input', 'That person was not met at this event.', [
          { path: ['contactId'], message: 'Not met at this event' },
        ]);
      }
      const today = todayOf(clock);
      // A follow-up dated before the meeting would not count as one, and each press would log another.
      if (today < met) {
        throw new AppError('invalid_input', 'The meeting is still to come: a follow-up can be marked sent after it.', [
          { path: ['contactId'], message: 'Met later than today' },
        ]);
      }
      return ctx.areas.interactions.log({
        interaction: {
          type: via,
          date: today,
          contactIds: [contactId],
          title: `Follow-up after ${event.name}`,
          eventId: event.id,
          initiatedBy: 'me',
          gave: [],
          asked: [],
          mutual: false,
        },
        newPeople: [],
        details: [],
      });
    },
    search: (q: string, limit: number) => searchEvents(db, q, limit),
  });
  ctx.trash.registerRestorer(
    'events',
    async (docs) => {
      await db.events.bulkUpsert(docs as EventDocument[]);
    },
    async (ids) => {
      await db.events.bulkRemove(ids);
    },
  );

  const watchList = (): Observable<EventListItem[]> =>
    combineLatest([db.events.find().$, db.interactions.$.pipe(auditTime(50), startWith(null)), today$(clock)]).pipe(
      switchMap(async ([docs, , today]) => {
        const events = docs.map((d) => toEvent(d.toMutableJSON() as EventDocument));
        const items = await Promise.all(
          events.map(async (event) => {
            const { metOn } = attendanceOf(event, await eventInteractions(db, event, eventDays(event).last));
            return { ...event, metCount: metOn.size, lastDay: eventDays(event).last };
          }),
        );
        const upcoming = items.filter((e) => e.lastDay >= today).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
        const past = items.filter((e) => e.lastDay < today).sort((a, b) => b.startsOn.localeCompare(a.startsOn));
        return [...upcoming, ...past];
      }),
    );

  const watchOne = (id: string) => {
    const changes = merge(
      db.interactions.$,
      db.details.$,
      db.people_index.$,
      db.practice_ladders.$,
      db.practice_sessions.$,
      db.settings.$,
    ).pipe(auditTime(50), startWith(null));
    return combineLatest([db.events.findOne(id).$, changes, today$(clock)]).pipe(
      switchMap(async ([doc, , today]) => {
        if (!doc) throw new AppError('not_found', 'That event no longer exists.');
        return computeEventView(db, ctx.settings, toEvent(doc.toMutableJSON() as EventDocument), today);
      }),
    );
  };

  return {
    api,
    requests: {
      'events.create': ({ fields }) => api.create(fields),
      'events.update': ({ id, fields }) => api.update(id, fields),
      'events.delete': ({ id }) => api.remove(id),
      'events.settleSetAside': ({ id, conflictId, choice }) => api.settleSetAside(id, conflictId, choice),
      'events.parseIcs': async ({ text }) => parseEventIcs(text),
      'events.exportIcs': async ({ id }) => {
        const event = await find(id);
        return { fileName: icsFileName(event), text: eventToIcs(event, clock.now()) };
      },
      'events.setGoing': async ({ id, contactId, going }) => ({ going: await api.setGoing(id, contactId, going) }),
      'events.setPractice': ({ id, practice }) => api.setPractice(id, practice),
      'events.capture': (input) => api.capture(input),
      'events.captureMatches': (query) => captureMatches(db, query),
      'events.markSent': ({ id, contactId, via }) => api.markSent(id, contactId, via),
    },
    subscriptions: {
      'events.watchList': () => watchList(),
      'events.watch': ({ id }) => watchOne(id),
      'events.watchForPerson': ({ contactId }) => watchPersonEvents(db, contactId),
      'events.watchPracticeLinks': () =>
        db.events
          .find({ sort: [{ startsOn: 'desc' }], index: ['startsOn'] })
          .$.pipe(
            map((docs) =>
              docs.flatMap((d) =>
                d.practice ? [{ ...d.practice, eventId: d.id, name: d.name, startsOn: d.startsOn }] : [],
              ),
            ),
          ),
    },
  };
}

import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import type { EventRecord } from '../../../shared/domain/events/model.ts';
import { syncFieldsSchema, type SyncFields } from '../db/sync-fields.ts';

export type EventDocument = EventRecord & SyncFields;

/**
 * Events (docs/events.md). Version 0: a new collection, born with the sync fields. Nested fields
 * are typed loosely; zod validates them at the service boundary.
 */
export const eventsSchema: RxJsonSchema<EventDocument> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    kind: { type: 'string', maxLength: 20 },
    name: { type: 'string' },
    startsOn: { type: 'string', maxLength: 10 },
    endsOn: { type: 'string' },
    startTime: { type: 'string' },
    endTime: { type: 'string' },
    sessions: { type: 'array', items: { type: 'object' } },
    place: { type: 'string' },
    link: { type: 'string' },
    notes: { type: 'string' },
    goal: { type: 'string' },
    introduction: { type: 'string' },
    organisations: { type: 'array', items: { type: 'string' } },
    tags: { type: 'array', items: { type: 'string' } },
    going: { type: 'array', items: { type: 'string' } },
    practice: { type: 'object' },
    icsUid: { type: 'string' },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    ...syncFieldsSchema,
  },
  required: [
    'id',
    'kind',
    'name',
    'startsOn',
    'sessions',
    'goal',
    'organisations',
    'tags',
    'going',
    'createdAt',
    'updatedAt',
  ],
  indexes: ['startsOn'],
};
export const eventsMigrations: MigrationStrategies = {};

/** The domain record of a stored event (without the sync bookkeeping). */
export const toEvent = (doc: EventDocument): EventRecord => {
  const { conflicts: _conflicts, editedAt: _editedAt, ...event } = doc;
  return event;
};

import type { MigrationStrategies, RxCollection, RxJsonSchema } from 'rxdb';
import { upgradeLegacyText } from '../../../shared/content/placeholders.ts';
import type { Ladder, OwnStarter, PracticeSession } from '../../../shared/domain/practice/model.ts';
import { addedSyncFields, syncFieldsSchema, type SyncFields } from '../db/sync-fields.ts';

/**
 * The practice and starters areas' RxDB collections; listed with their owners in ../db/collections.ts.
 *
 * Three collections, because the free RxDB build caps a process at 13. Favourites and the weekly
 * goal are single small values, so they live in the shared `settings` collection instead
 * (`starter-favourites` and `practice`). Nested fields are typed loosely here; zod validates
 * them at the service boundary.
 */
export type LadderDocument = Ladder & SyncFields;
export type SessionDocument = PracticeSession & SyncFields;
export type UserStarterDocument = OwnStarter & SyncFields;

export type PracticeCollections = {
  practice_ladders: RxCollection<LadderDocument>;
  practice_sessions: RxCollection<SessionDocument>;
  user_starters: RxCollection<UserStarterDocument>;
};

const stamp = { type: 'string', maxLength: 40 } as const;

export const laddersSchema: RxJsonSchema<LadderDocument> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    name: { type: 'string' },
    steps: { type: 'array', items: { type: 'object' } },
    createdAt: stamp,
    updatedAt: { type: 'string' },
    ...syncFieldsSchema,
  },
  required: ['id', 'name', 'steps', 'createdAt', 'updatedAt'],
  indexes: ['createdAt'],
};

export const sessionsSchema: RxJsonSchema<SessionDocument> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    status: { type: 'string', maxLength: 10 },
    date: { type: 'string' },
    task: { type: 'string' },
    situation: { type: 'string' },
    ladderId: { type: 'string' },
    stepId: { type: 'string' },
    promptId: { type: 'string' },
    sudsBefore: { type: 'integer' },
    prediction: { type: 'string' },
    likelihood: { type: 'integer' },
    after: { type: 'object' },
    completedOn: { type: 'string' },
    interactionId: { type: 'string' },
    createdAt: stamp,
    updatedAt: { type: 'string' },
    ...syncFieldsSchema,
  },
  required: [
    'id',
    'status',
    'date',
    'task',
    'situation',
    'sudsBefore',
    'prediction',
    'likelihood',
    'createdAt',
    'updatedAt',
  ],
  indexes: [['status', 'createdAt']],
};

export const userStartersSchema: RxJsonSchema<UserStarterDocument> = {
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 80 },
    text: { type: 'string' },
    situation: { type: 'string' },
    channel: { type: 'string' },
    tone: { type: 'string' },
    createdAt: stamp,
    updatedAt: { type: 'string' },
    ...syncFieldsSchema,
  },
  required: ['id', 'text', 'situation', 'channel', 'tone', 'createdAt', 'updatedAt'],
  indexes: ['createdAt'],
};

/**
 * Append-only. 1: starters moved from `{firstName}` to `[name]` placeholders; text written with
 * the old braces, or with the library's old bracketed hints, is rewritten without losing a word.
 */
export const userStartersMigrations: MigrationStrategies = {
  1: (doc: UserStarterDocument): UserStarterDocument => ({ ...doc, text: upgradeLegacyText(doc.text) }),
  2: addedSyncFields,
};

export const laddersMigrations: MigrationStrategies = { 1: addedSyncFields };
export const sessionsMigrations: MigrationStrategies = { 1: addedSyncFields };

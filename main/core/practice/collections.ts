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
  version: 2,
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
    beliefBefore: { type: 'integer' },
    safetyBehavioursToDrop: { type: 'array', items: { type: 'string' } },
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
    'beliefBefore',
    'safetyBehavioursToDrop',
    'createdAt',
    'updatedAt',
  ],
  indexes: [['status', 'createdAt']],
};

/** A session as schema versions 0 and 1 stored it (before a practice was planned as an experiment). */
interface SessionV0 extends Record<string, unknown> {
  likelihood?: number;
  after?: Record<string, unknown> & { sudsAfter?: number; droppedSafetyBehaviours?: unknown };
}

/**
 * Append-only. 1: the sync fields (db/sync-fields.ts). 2: a practice is a behavioural experiment.
 * - `likelihood` becomes `beliefBefore` (the same question: how strongly the prediction was believed);
 * - the safety behaviours to drop are chosen beforehand now (`safetyBehavioursToDrop`); for an old
 *   session the ones it recorded dropping are the best record of that plan, so they are copied there
 *   and stay in `after.droppedSafetyBehaviours` too;
 * - `after.sudsAfter` ("anxiety now") becomes `after.sudsEnd`, the closest value to anxiety at the
 *   end of the step; `after.coping` starts empty. The belief re-rating and whether the user stayed
 *   were never asked, so they stay absent rather than being made up.
 */
export const sessionsMigrations: MigrationStrategies = {
  1: addedSyncFields,
  2: (doc: SessionV0) => {
    const { likelihood, after, ...rest } = doc;
    const dropped = Array.isArray(after?.droppedSafetyBehaviours)
      ? after.droppedSafetyBehaviours.filter((b): b is string => typeof b === 'string')
      : [];
    const next: Record<string, unknown> = { ...rest, beliefBefore: likelihood, safetyBehavioursToDrop: dropped };
    if (after) {
      const { sudsAfter, ...kept } = after;
      next.after = { coping: '', ...kept, sudsEnd: sudsAfter };
    }
    return next;
  },
};

/**
 * A session copied into the trash before schema version 2 (the trash keeps documents as they
 * were) is upgraded when it is restored, so an undo after updating Rapport writes today's shape.
 */
export function upgradeTrashedSession(doc: Record<string, unknown>): SessionDocument {
  const current =
    'beliefBefore' in doc ? doc : (sessionsMigrations[2] as (old: SessionV0) => Record<string, unknown>)(doc);
  return current as unknown as SessionDocument;
}

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
  // A text that is not a string (a damaged archive) is left for the schema to name.
  1: (doc: UserStarterDocument): UserStarterDocument =>
    typeof doc.text === 'string' ? { ...doc, text: upgradeLegacyText(doc.text) } : doc,
  2: addedSyncFields,
};

export const laddersMigrations: MigrationStrategies = { 1: addedSyncFields };

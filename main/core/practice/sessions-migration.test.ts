/**
 * practice_sessions v0 → v2: a data folder (and an archive, and an undo entry) written before a
 * practice was planned as an experiment opens with every session and ladder intact, in the new
 * shape, and nothing made up for what was never asked.
 */
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { PracticeSession } from '../../../shared/domain/practice/model.ts';
import { readArchive } from '../backup/archive.ts';
import { createStorage } from '../db/storage.ts';
import { openTestCore, testDir } from '../testing/test-core.ts';
import { trashSchema } from '../trash/schema.ts';
import { sessionsMigrations } from './collections.ts';

/** `practice_ladders` as Rapport's first version defined it (schema version 0). Never edit. */
const laddersV0: RxJsonSchema<Record<string, unknown>> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    name: { type: 'string' },
    steps: { type: 'array', items: { type: 'object' } },
    createdAt: { type: 'string', maxLength: 40 },
    updatedAt: { type: 'string' },
  },
  required: ['id', 'name', 'steps', 'createdAt', 'updatedAt'],
  indexes: ['createdAt'],
};

/** `practice_sessions` as Rapport's first version defined it (schema version 0). Never edit. */
const sessionsV0: RxJsonSchema<Record<string, unknown>> = {
  version: 0,
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
    createdAt: { type: 'string', maxLength: 40 },
    updatedAt: { type: 'string' },
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

const at = (day: string) => `${day}T09:00:00.000Z`;

/** A ladder as version 0's `practice.saveLadder` wrote it; its first step came from the prompt library. */
const ladderV0 = {
  id: 'ladder-calls',
  name: 'Phone calls',
  steps: [
    {
      id: 'step-shop',
      text: 'Phone a shop to ask about opening hours',
      suds: 3,
      promptId: 'phone-shop-hours',
      situation: 'phone',
    },
    { id: 'step-friend', text: 'Call a friend for a chat', suds: 5 },
  ],
  createdAt: at('2026-01-02'),
  updatedAt: at('2026-01-02'),
};

/** Sessions as version 0's `startSession` and `finishSession` wrote them. */
const finishedOnStep = {
  id: 'old-done',
  status: 'done',
  date: '2026-01-05',
  task: 'Phone a shop to ask about opening hours',
  situation: 'phone',
  ladderId: 'ladder-calls',
  stepId: 'step-shop',
  promptId: 'phone-shop-hours',
  sudsBefore: 6,
  prediction: 'I will stumble over my words',
  likelihood: 80,
  after: {
    sudsPeak: 7,
    sudsAfter: 2,
    outcome: 'They were helpful',
    predictionHappened: false,
    learned: 'Short calls are fine',
    droppedSafetyBehaviours: ['Rehearsing every word in advance', 'Keeping it as short as possible'],
  },
  completedOn: '2026-01-06',
  createdAt: at('2026-01-05'),
  updatedAt: at('2026-01-06'),
};
const stillPlanned = {
  id: 'old-planned',
  status: 'planned',
  date: '2026-01-10',
  task: 'Call a friend for a chat',
  situation: 'phone',
  ladderId: 'ladder-calls',
  stepId: 'step-friend',
  sudsBefore: 5,
  prediction: 'They will be too busy',
  likelihood: 60,
  createdAt: at('2026-01-10'),
  updatedAt: at('2026-01-10'),
};
const { ladderId: _ladder, stepId: _step, ...unlinked } = stillPlanned;
const deletedBeforeUpdate = {
  ...unlinked,
  id: 'old-trashed',
  task: 'Say hello to the new starter',
  situation: 'corridor-small-talk',
  likelihood: 40,
};

async function writeVersion0(dir: string) {
  const storage = createStorage(dir);
  const db = await createRxDatabase({ name: storage.databaseName, storage: storage.storage, multiInstance: false });
  const { practice_ladders, practice_sessions, trash } = await db.addCollections({
    practice_ladders: { schema: laddersV0 },
    practice_sessions: { schema: sessionsV0 },
    trash: { schema: trashSchema },
  });
  await practice_ladders!.insert(ladderV0);
  await practice_sessions!.bulkInsert([finishedOnStep, stillPlanned]);
  // Deleted with version 0, so its undo copy in the trash has the old shape.
  await trash!.insert({
    id: 'undo-old',
    label: 'Deleted a practice session from 2026-01-10',
    deletedAt: at('2026-01-11'),
    payload: { practice_sessions: [deletedBeforeUpdate] },
  });
  await db.close();
}

const { likelihood: _l, after: oldAfter, ...unchanged } = finishedOnStep;
const { sudsAfter: _s, ...unchangedAfter } = oldAfter;

describe('practice_sessions migration 1: a practice is an experiment', () => {
  it('keeps every ladder and session, renaming what was asked before and adding nothing made up', async () => {
    const dir = testDir('rapport-practice-v0-');
    await writeVersion0(dir);
    const t = await openTestCore({ dir, now: '2026-03-18T12:00:00Z' });

    expect(await t.next('practice.watchLadders', {})).toEqual([ladderV0]);
    const sessions = await t.next('practice.watchSessions', {});
    const done = sessions.find((s) => s.id === 'old-done')!;
    expect(done).toEqual({
      ...unchanged,
      beliefBefore: 80,
      safetyBehavioursToDrop: ['Rehearsing every word in advance', 'Keeping it as short as possible'],
      after: { ...unchangedAfter, sudsEnd: 2, coping: '' },
    });
    expect(done.after).not.toHaveProperty('beliefAfter');
    expect(done.after).not.toHaveProperty('stayed');
    expect(sessions.find((s) => s.id === 'old-planned')).toMatchObject({
      status: 'planned',
      beliefBefore: 60,
      safetyBehavioursToDrop: [],
    });
    // What is stored is today's shape, not only what the service shows.
    for (const doc of await t.core.db.practice_sessions.find().exec()) {
      const stored = doc.toMutableJSON() as Record<string, unknown>;
      expect(stored).not.toHaveProperty('likelihood');
      expect(PracticeSession.safeParse(stored).error?.issues ?? []).toEqual([]);
    }
  });

  it('shows an old practice on its ladder step and in the belief chart, and finishes an old plan', async () => {
    const dir = testDir('rapport-practice-v0-');
    await writeVersion0(dir);
    const t = await openTestCore({ dir, now: '2026-03-18T12:00:00Z' });

    const progress = await t.next('practice.watchProgress', {});
    expect(progress.ladders[0]!.steps[0]).toMatchObject({
      stepId: 'step-shop',
      attempts: [{ sessionId: 'old-done', completedOn: '2026-01-06', peak: 7, end: 2 }],
      advice: { kind: 'repeat' },
    });
    expect(progress.beliefs.summary).toBe(
      'Across 1 practice, you believed your prediction 80% on average beforehand. It came true 0 times out of 1.',
    );

    await t.call('practice.finishSession', {
      id: 'old-planned',
      after: {
        sudsPeak: 5,
        sudsEnd: 1,
        stayed: 'until-done',
        outcome: 'We talked for half an hour',
        predictionHappened: false,
        beliefAfter: 10,
      },
    });
    const after = await t.next('practice.watchProgress', {}, (p) => p.beliefs.points.length === 2);
    expect(after.beliefs.points.map((p) => [p.id, p.before, p.after])).toEqual([
      ['old-done', 80, undefined],
      ['old-planned', 60, 10],
    ]);
  });

  it('upgrades a session deleted before the update when its deletion is undone', async () => {
    const dir = testDir('rapport-practice-v0-');
    await writeVersion0(dir);
    const t = await openTestCore({ dir });
    await t.call('undo.apply', { token: 'undo-old' });
    const restored = (await t.next('practice.watchSessions', {}, (s) => s.length === 3)).find(
      (s) => s.id === 'old-trashed',
    );
    expect(restored).toMatchObject({
      beliefBefore: 40,
      safetyBehavioursToDrop: [],
      task: 'Say hello to the new starter',
    });
    expect(restored).not.toHaveProperty('likelihood');
  });

  it('reads an archive written by version 0 into today’s shape', async () => {
    const archive = {
      format: 'rapport-archive',
      version: 1,
      exportedAt: at('2026-02-01'),
      collections: {
        practice_ladders: { schemaVersion: 0, documents: [ladderV0] },
        practice_sessions: { schemaVersion: 0, documents: [finishedOnStep, stillPlanned] },
      },
    };
    const documents = await readArchive(JSON.stringify(archive), 'rapport-backup.json');
    expect(documents.practice_ladders).toEqual([ladderV0]);
    expect(
      documents.practice_sessions!.map((s) => [s.id, s.beliefBefore, (s.after as { sudsEnd?: number })?.sudsEnd]),
    ).toEqual([
      ['old-done', 80, 2],
      ['old-planned', 60, undefined],
    ]);
  });

  it('is a pure function of the old document', () => {
    const migrate = sessionsMigrations[2] as (old: Record<string, unknown>) => Record<string, unknown>;
    const copy = structuredClone(finishedOnStep);
    migrate(copy);
    expect(copy).toEqual(finishedOnStep);
    // A damaged old document (no list of dropped behaviours) still migrates.
    expect(migrate({ ...stillPlanned, after: { sudsPeak: 3, sudsAfter: 1 } })).toMatchObject({
      safetyBehavioursToDrop: [],
      after: { sudsPeak: 3, sudsEnd: 1, coping: '' },
    });
  });
});

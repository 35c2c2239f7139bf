import { randomUUID } from 'node:crypto';
import type { RxDocument } from 'rxdb';
import { combineLatest, defer, distinctUntilChanged, map, type Observable } from 'rxjs';
import {
  DEFAULT_WEEKLY_GOAL,
  INTERACTION_TYPE_FOR,
  Ladder,
  PracticeSession,
  WeeklyGoal,
  type LadderFields,
  type SessionAfter,
  type SessionBefore,
} from '../../../shared/domain/practice/model.ts';
import { practiceInteractionNotes } from '../../../shared/domain/practice/notes.ts';
import type { PracticeProgress } from '../../../shared/domain/practice/progress-model.ts';
import { practiceProgress } from '../../../shared/domain/practice/progress.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { today$, todayOf, type Clock } from '../clock.ts';
import { z } from 'zod';
import type { RapportDatabase } from '../db/database.ts';
import type { InteractionsApi } from '../interactions/area.ts';
import { settingsKey, type SettingsStore } from '../settings/settings-store.ts';
import { settledDocument, type SettleChoice } from '../sync/settle-set-aside.ts';
import type { WriteJournal } from '../lifecycle/write-journal.ts';
import type { Trash } from '../trash/trash.ts';
import type { LadderDocument, SessionDocument } from './collections.ts';

/** The weekly practice goal; a damaged or future value reads as the default. */
export const PRACTICE_SETTINGS = settingsKey({
  id: 'practice',
  label: 'your practice goal',
  schema: z.object({ weeklyGoal: WeeklyGoal.catch(DEFAULT_WEEKLY_GOAL) }),
  fallback: { weeklyGoal: DEFAULT_WEEKLY_GOAL },
  scope: 'synced',
});

export interface PracticeService {
  /** Creates a ladder when `id` is undefined, else replaces it. @throws AppError `not_found`. */
  saveLadder(id: string | undefined, fields: LadderFields): Promise<Ladder>;
  /** Puts back (`use`) or forgets (`dismiss`) a value a sync merge set aside on a ladder or a session. */
  settleSetAside(kind: 'ladder' | 'session', id: string, conflictId: string, choice: SettleChoice): Promise<void>;
  /** Moves a ladder to the trash; the token undoes it. */
  deleteLadder(id: string): Promise<{ undoToken: string }>;
  /** Ladders, oldest first (the order people built them in). */
  watchLadders(): Observable<Ladder[]>;
  startSession(before: SessionBefore): Promise<PracticeSession>;
  /**
   * Saves the "afterwards" half, dated today. With `contactId` it first logs an interaction with
   * that person, so a missing person leaves the session unfinished rather than half-saved.
   * @throws AppError `not_found`, `conflict` (already finished), `invalid_input` (unknown person).
   */
  finishSession(id: string, after: SessionAfter): Promise<PracticeSession>;
  deleteSession(id: string): Promise<{ undoToken: string }>;
  /** Sessions, newest first. */
  watchSessions(): Observable<PracticeSession[]>;
  setWeeklyGoal(goal: number): Promise<number>;
  /** The weekly goal, every ladder step's tries and advice, other practices, and belief before and after. */
  watchProgress(): Observable<PracticeProgress>;
}

export interface PracticeDeps {
  db: RapportDatabase;
  clock: Clock;
  settings: SettingsStore;
  interactions: () => Pick<InteractionsApi, 'log'>;
  trash: Trash;
  /** Finishing with a person is two writes (the interaction, the session): one operation. */
  journal: Pick<WriteJournal, 'operation' | 'expect'>;
  newId?: () => string;
}

const byCreated = <T extends { createdAt: string; id: string }>(a: T, b: T) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;

/** Ladders, sessions, the weekly goal and the progress view. */
export function createPracticeService({
  db,
  clock,
  settings,
  interactions,
  trash,
  journal,
  newId = randomUUID,
}: PracticeDeps): PracticeService {
  const now = () => clock.now().toISOString();
  /** Logs a finished practice with the person it was with; returns the interaction's id. */
  const logPractice = async (doc: RxDocument<SessionDocument>, after: SessionAfter, today: string) => {
    try {
      const logged = await interactions().log({
        interaction: {
          type: INTERACTION_TYPE_FOR[doc.situation],
          date: today,
          contactIds: [after.contactId!],
          initiatedBy: 'me',
          title: 'Practice session',
          notes: practiceInteractionNotes(doc, after),
          gave: [],
          asked: [],
          mutual: false,
        },
        newPeople: [],
        details: [],
      });
      return logged.id;
    } catch (error) {
      // The form's field is `after.contactId`, not the interaction's.
      if (error instanceof AppError && error.code === 'invalid_input') {
        throw new AppError('invalid_input', 'That person no longer exists.', [
          { path: ['after', 'contactId'], message: 'That person no longer exists' },
        ]);
      }
      throw error;
    }
  };
  const findSession = async (id: string) => {
    const doc = await db.practice_sessions.findOne(id).exec();
    if (!doc) throw new AppError('not_found', 'That practice session no longer exists.');
    return doc;
  };
  // Sorted in JS: a few hundred documents at most, and no index has to match the sort. The queries
  // (the weekly goal's too) are made when first watched: making them costs ~8 ms of a start that shows Today.
  const sessions$ = defer(() => db.practice_sessions.find().$).pipe(
    map((docs) =>
      docs
        .map((d) => d.toMutableJSON() as PracticeSession)
        .sort(byCreated)
        .reverse(),
    ),
  );
  const ladders$ = defer(() => db.practice_ladders.find().$).pipe(
    map((docs) => docs.map((d) => d.toMutableJSON() as Ladder).sort(byCreated)),
  );
  const goal$ = defer(() => settings.watch(PRACTICE_SETTINGS)).pipe(
    map((value) => value.weeklyGoal),
    distinctUntilChanged(),
  );

  return {
    async saveLadder(id, fields) {
      const stamp = now();
      const existing = id ? await db.practice_ladders.findOne(id).exec() : null;
      if (id && !existing) throw new AppError('not_found', 'That ladder no longer exists.');
      const ladder: Ladder = {
        id: id ?? newId(),
        name: fields.name,
        steps: fields.steps.map((s) => ({ ...s, id: s.id ?? newId() })),
        createdAt: existing?.createdAt ?? stamp,
        updatedAt: stamp,
      };
      const ids = new Set(ladder.steps.map((s) => s.id));
      if (ids.size !== ladder.steps.length)
        throw new AppError('invalid_input', 'Two steps share an id.', [
          { path: ['fields', 'steps'], message: 'Two steps share an id' },
        ]);
      await db.practice_ladders.upsert(ladder);
      return ladder;
    },

    async settleSetAside(kind, id, conflictId, choice) {
      if (kind === 'ladder') {
        const doc = await db.practice_ladders.findOne(id).exec();
        if (!doc) throw new AppError('not_found', 'That ladder no longer exists.');
        // A step set aside goes back in place of the step with its id.
        const keyOf = (step: unknown) => (step as { id: string }).id;
        const next = settledDocument(doc.toMutableJSON() as LadderDocument, conflictId, choice, Ladder, keyOf);
        await db.practice_ladders.upsert({ ...next, updatedAt: now() });
        return;
      }
      const doc = await db.practice_sessions.findOne(id).exec();
      if (!doc) throw new AppError('not_found', 'That practice no longer exists.');
      const next = settledDocument(doc.toMutableJSON() as SessionDocument, conflictId, choice, PracticeSession);
      await db.practice_sessions.upsert({ ...next, updatedAt: now() });
    },

    async deleteLadder(id) {
      const doc = await db.practice_ladders.findOne(id).exec();
      if (!doc) throw new AppError('not_found', 'That ladder no longer exists.');
      const undoToken = await trash.discard(
        `Deleted the ladder “${doc.name}”`,
        { practice_ladders: [doc.toMutableJSON() as LadderDocument] },
        async () => void (await doc.remove()),
      );
      return { undoToken };
    },

    watchLadders: () => ladders$,

    async startSession(before) {
      const stamp = now();
      const session: SessionDocument = {
        ...before,
        id: newId(),
        status: 'planned',
        createdAt: stamp,
        updatedAt: stamp,
      };
      await db.practice_sessions.insert(session);
      return session;
    },

    async finishSession(id, after) {
      const doc = await findSession(id);
      if (doc.status === 'done') throw new AppError('conflict', 'That practice session is already finished.');
      const today = todayOf(clock);
      // The interaction and the session, all or nothing: a crash between them would leave the
      // outcome logged and the session still to finish, and finishing again would log it twice.
      return journal.operation(`finishing the practice “${doc.task}”`, async () => {
        const interactionId = after.contactId ? await logPractice(doc, after, today) : undefined;
        journal.expect({ replacedIn: { practice_sessions: [doc.toMutableJSON() as SessionDocument] } });
        const next = await doc.incrementalModify((d) => {
          d.status = 'done';
          d.after = after;
          d.completedOn = today;
          if (interactionId) d.interactionId = interactionId;
          d.updatedAt = now();
          return d;
        });
        return next.toMutableJSON() as PracticeSession;
      });
    },

    async deleteSession(id) {
      const doc = await findSession(id);
      const undoToken = await trash.discard(
        `Deleted a practice session from ${doc.date}`,
        { practice_sessions: [doc.toMutableJSON() as SessionDocument] },
        async () => void (await doc.remove()),
      );
      return { undoToken };
    },

    watchSessions: () => sessions$,

    async setWeeklyGoal(goal) {
      const value = WeeklyGoal.parse(goal);
      await settings.write(PRACTICE_SETTINGS, { weeklyGoal: value });
      return value;
    },

    watchProgress() {
      return combineLatest([sessions$, ladders$, goal$, today$(clock)]).pipe(
        map(([sessions, ladders, goal, today]) => practiceProgress(sessions, ladders, goal, today)),
      );
    },
  };
}

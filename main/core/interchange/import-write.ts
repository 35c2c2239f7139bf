/**
 * The write phase of an import. Everything is computed before the first write; the intent is
 * recorded (lifecycle/write-journal.ts), then the people area writes the people and the interactions area
 * the "Connected on LinkedIn" entries, in chunks with a turn of the event loop between them. On
 * cancel or failure the same record undoes what was written; after a crash, the next start does.
 */
import { AppError } from '../../../shared/ipc/result.ts';
import type { AreaApis } from '../context.ts';
import { freeBytes, isDiskFull } from '../lifecycle/reserve.ts';
import { isCancelled } from '../jobs/cancellation.ts';
import type { InteractionDocument } from '../interactions/schema.ts';
import type { ContactDocument } from '../people/schema.ts';
import type { DataFolder } from '../lifecycle/data-folder.ts';
import { emptyIntent, type WriteIntent, type WriteJournal } from '../lifecycle/write-journal.ts';

export interface WritePlan {
  /** New people, and the new records of people merged with a card. */
  people: ContactDocument[];
  /** The records merged people had before, to put back on undo. */
  previous: ContactDocument[];
  /** New interactions (one "Connected on LinkedIn" per person). */
  interactions: InteractionDocument[];
}

export interface PlanRun {
  id: string;
  fileName: string;
  startedAt: Date;
  signal: AbortSignal;
  onProgress: (phase: 'writing' | 'undoing', done: number, total: number) => void;
  /** Runs after the writes, before the intent is forgotten (derived data catches up there). */
  settle: () => Promise<void>;
  /** Frees the space held back for undoing, when a write failed on a full disk. */
  freeSpace: () => void;
}

/**
 * Applies the plan; `signal` is checked between chunks.
 * @throws the signal's `Cancelled` after undoing, when cancelled; after undoing a failure, an AppError
 *   saying nothing was changed (the failure itself goes to the log).
 */
export async function applyPlan(areas: AreaApis, journal: WriteJournal, plan: WritePlan, run: PlanRun): Promise<void> {
  const total = plan.people.length + plan.interactions.length;
  const replaced = new Set(plan.previous.map((p) => p.id));
  const intent: WriteIntent = {
    ...emptyIntent(run.id, `the import of ${run.fileName}`, run.startedAt.toISOString()),
    createdPeople: plan.people.filter((p) => !replaced.has(p.id)).map((p) => p.id),
    replacedPeople: plan.previous,
    createdInteractions: plan.interactions.map((i) => i.id),
  };
  journal.begin(intent);
  let done = 0;
  const step = (count: number) => run.onProgress('writing', (done += count), total);
  try {
    await areas.people.putMany(plan.people, run.signal, step);
    await areas.interactions.insertMany(plan.interactions, run.signal, step);
    run.signal.throwIfAborted();
    await run.settle();
  } catch (error) {
    run.onProgress('undoing', 0, total);
    // The undo writes too: on a full disk, the reserve makes the room for it.
    if (isDiskFull(error)) run.freeSpace();
    try {
      await journal.rollBack(intent);
      await run.settle();
    } catch (undoError) {
      throw new AppError(
        'unavailable',
        `The import of ${run.fileName} failed (${(error as Error).message}) and could not be undone yet (${(undoError as Error).message}). It is undone the next time Rapport opens this data folder.`,
      );
    }
    journal.end(intent.id);
    run.onProgress('undoing', total, total);
    if (isDiskFull(error))
      throw new AppError('unavailable', `The disk is full, so ${run.fileName} was not imported; nothing was changed.`);
    if (error instanceof AppError || isCancelled(error)) throw error;
    // Taken back whole: say so, and keep what went wrong for the log rather than the screen.
    console.error(`[rapport] The import of ${run.fileName} failed and was taken back:`, error);
    throw new AppError(
      'unavailable',
      `Something went wrong while importing ${run.fileName}. What it had written was taken back, so nothing was changed. Try again; if it keeps happening, restart Rapport.`,
    );
  }
  journal.end(intent.id);
}

/**
 * Refuses an import the disk has no room for, before anything is written. SQLite needs roughly
 * three times the JSON size while writing (the rows, their indexes, the write-ahead log).
 */
export function checkRoomFor(folder: DataFolder, plan: WritePlan, fileName: string): void {
  const needed = 3 * Buffer.byteLength(JSON.stringify([plan.people, plan.interactions]));
  const free = freeBytes(folder);
  if (free < needed) {
    const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
    throw new AppError(
      'unavailable',
      `There is not enough free disk space to import ${fileName}: it needs about ${mb(needed)} and ${mb(free)} is free. Nothing was changed.`,
    );
  }
}

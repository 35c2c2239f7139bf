/**
 * This installation's notes about its data folder, kept outside the database so they survive
 * losing it: how many people it last held, whether the last run shut down cleanly, and where
 * backups go. A lost or damaged database is recognised by them (a folder that held 300 people
 * and now has no database is not a new profile).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomicAsync } from './atomic-file.ts';
import type { DataFolder } from './data-folder.ts';
import { lazyObject } from '../../../shared/lazy-schema.ts';

export const FolderState = lazyObject(() => ({
  version: z.literal(1),
  /** People in the database when it was last opened or closed. */
  people: z.number().int().min(0),
  cleanShutdown: z.boolean(),
  /** The backup folder chosen in Settings, if not the default. */
  backupFolder: z.string().max(4096).optional(),
  updatedAt: z.iso.datetime(),
}));
export type FolderState = z.infer<typeof FolderState>;

/**
 * Updates being written, per file: the newest content (what reads in this process see until the
 * writes land) and the promise of the last write queued.
 */
const pending = new Map<string, { latest: FolderState; written: Promise<void> }>();

/** The notes, or undefined when there are none (or they are unreadable: they are only a hint). */
export function readFolderState(folder: DataFolder): FolderState | undefined {
  const queued = pending.get(folder.state);
  if (queued) return queued.latest;
  try {
    // Without zod's compiled fast path: read a few times per run, where compiling it cost more than it saved.
    return FolderState.safeParse(JSON.parse(readFileSync(folder.state, 'utf8')), { jitless: true }).data;
  } catch {
    return undefined;
  }
}

/**
 * Updates the notes. Reads in this process see the change at once; the file is written and flushed
 * after any update already queued, off the event loop (about 17 ms of flushes that used to hold up
 * every start). Wait for the result only where it must be on disk before going on (at close).
 * They are a hint, so a full disk or a read-only folder is logged, not thrown.
 */
export function updateFolderState(
  folder: DataFolder,
  change: Partial<Omit<FolderState, 'version'>>,
  now: Date,
): Promise<void> {
  const current = readFolderState(folder);
  const next: FolderState = {
    version: 1,
    people: current?.people ?? 0,
    cleanShutdown: current?.cleanShutdown ?? false,
    ...(current?.backupFolder ? { backupFolder: current.backupFolder } : {}),
    ...change,
    updatedAt: now.toISOString(),
  };
  const before = pending.get(folder.state)?.written ?? Promise.resolve();
  const written = before.then(async () => {
    try {
      await writeFileAtomicAsync(folder.state, JSON.stringify(next, null, 2));
    } catch (error) {
      console.warn(`[rapport] ${folder.state} could not be updated: ${(error as Error).message}`);
    }
  });
  const entry = { latest: next, written };
  pending.set(folder.state, entry);
  // Once the last queued write has landed, the file is the truth again.
  void written.then(() => {
    if (pending.get(folder.state) === entry) pending.delete(folder.state);
  });
  return written;
}

/**
 * This installation's notes about its data folder, kept outside the database so they survive
 * losing it: how many people it last held, whether the last run shut down cleanly, and where
 * backups go. A lost or damaged database is recognised by them (a folder that held 300 people
 * and now has no database is not a new profile).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file.ts';
import type { DataFolder } from './data-folder.ts';

export const FolderState = z.object({
  version: z.literal(1),
  /** People in the database when it was last opened or closed. */
  people: z.number().int().min(0),
  cleanShutdown: z.boolean(),
  /** The backup folder chosen in Settings, if not the default. */
  backupFolder: z.string().max(4096).optional(),
  updatedAt: z.iso.datetime(),
});
export type FolderState = z.infer<typeof FolderState>;

/** The notes, or undefined when there are none (or they are unreadable: they are only a hint). */
export function readFolderState(folder: DataFolder): FolderState | undefined {
  try {
    return FolderState.safeParse(JSON.parse(readFileSync(folder.state, 'utf8'))).data;
  } catch {
    return undefined;
  }
}

/** Updates the notes. They are a hint, so a full disk or a read-only folder is logged, not thrown. */
export function writeFolderState(folder: DataFolder, change: Partial<Omit<FolderState, 'version'>>, now: Date): void {
  const current = readFolderState(folder);
  const next: FolderState = {
    version: 1,
    people: current?.people ?? 0,
    cleanShutdown: current?.cleanShutdown ?? false,
    ...(current?.backupFolder ? { backupFolder: current.backupFolder } : {}),
    ...change,
    updatedAt: now.toISOString(),
  };
  try {
    writeFileAtomic(folder.state, JSON.stringify(next, null, 2));
  } catch (error) {
    console.warn(`[rapport] ${folder.state} could not be updated: ${(error as Error).message}`);
  }
}

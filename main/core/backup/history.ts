/**
 * The backup folder's own record of its runs, `rapport-backups.json`, beside the backups. The
 * status lives there and not in the database, so it survives losing the database: the next start
 * knows when the last good backup was and never hurries to overwrite it with an empty one.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BackupInfo } from '../../../shared/ipc/channels/interchange.ts';
import { writeFileAtomic } from '../lifecycle/atomic-file.ts';
import { lazyObject } from '../../../shared/lazy-schema.ts';

export const HISTORY_FILE = 'rapport-backups.json';
/** Runs remembered in the file. */
const KEEP_RUNS = 50;

const Run = lazyObject(() => ({
  at: z.iso.datetime(),
  ok: z.boolean(),
  name: z.string().max(100).optional(),
  people: z.number().int().optional(),
  error: z.string().max(2000).optional(),
}));

export const BackupHistory = lazyObject(() => ({
  format: z.literal('rapport-backup-history'),
  version: z.literal(1),
  lastRunAt: z.iso.datetime().optional(),
  lastSuccessAt: z.iso.datetime().optional(),
  lastError: z.string().max(2000).optional(),
  lastBackup: BackupInfo.optional(),
  /** Something the user should look at, though the backup itself worked (it shrank a lot). */
  warning: z.string().max(2000).optional(),
  runs: z.array(Run).max(KEEP_RUNS),
}));
export type BackupHistory = z.infer<typeof BackupHistory>;

export const emptyHistory = (): BackupHistory => ({ format: 'rapport-backup-history', version: 1, runs: [] });

/** The folder's record, or an empty one when it is missing or unreadable (it is a record, not the backups). */
export async function readHistory(folder: string): Promise<BackupHistory> {
  try {
    return (
      BackupHistory.safeParse(JSON.parse(await readFile(join(folder, HISTORY_FILE), 'utf8'))).data ?? emptyHistory()
    );
  } catch {
    return emptyHistory();
  }
}

export function writeHistory(folder: string, history: BackupHistory): void {
  writeFileAtomic(
    join(folder, HISTORY_FILE),
    JSON.stringify({ ...history, runs: history.runs.slice(-KEEP_RUNS) }, null, 2),
  );
}

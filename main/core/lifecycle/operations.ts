/**
 * The operations that replace the whole database: restoring an archive, a backup or a safety
 * copy, opening a damaged database read-only, or starting empty. Each builds the new database
 * beside the live one, then asks the core to swap generations (core.ts), so a crash at any point
 * leaves the old data or the new, and the old file is always kept as a safety copy.
 */
import { copyFileSync, existsSync } from 'node:fs';
import type { OperationProgress, RecoveryStatus, SafetyCopyInfo } from '../../../shared/ipc/channels/lifecycle.ts';
import { RESTORE_CANCELLED, RESTORE_NEEDS_CONFIRMING } from '../../../shared/ipc/channels/interchange.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { isEmptyProfile, readArchive, readArchiveFile, type Counts, type Documents } from '../backup/archive.ts';
import { verifiedBackupArchive } from '../backup/backup-files.ts';
import type { Clock } from '../clock.ts';
import { readAll } from '../db/bulk.ts';
import type { Generation } from '../generation.ts';
import { cancellable, isCancelled } from '../jobs/cancellation.ts';
import { isDeviceSetting } from '../settings/settings-store.ts';
import { buildDatabase } from './build-database.ts';
import { isDiskFull } from './reserve.ts';
import { removeLeftovers, sideFiles, type DataFolder } from './data-folder.ts';
import { backupFolderOf, recoveryStatus, type Opening } from './recovery.ts';
import { listSafetyCopies, safetyCopyPath } from './safety-copies.ts';
import { moveIntoPlace, setAside, swapInDatabase } from './swap.ts';

/** What the operations need from the core. */
export interface OperationsHost {
  folder: DataFolder;
  clock: Clock;
  /** The open generation, or null in recovery. */
  generation(): Generation | null;
  /** Why the database is not open (recovery) or is a read-only copy; undefined when all is well. */
  trouble(): Extract<Opening, { mode: 'recovery' }> | undefined;
  progress(progress: OperationProgress): void;
  /** Closes the open generation, runs `replaceFiles`, opens the database again; `readOnlyCopy` opens a copy instead. */
  swap(replaceFiles: () => void, open: { readOnlyCopy?: string }): Promise<void>;
}

export interface Operations {
  restoreArchive(fileName: string, text: string, overwrite: boolean): Promise<{ counts: Counts }>;
  restoreBackup(name: string, overwrite: boolean): Promise<{ counts: Counts }>;
  restoreSafetyCopy(name: string): Promise<{ people: number }>;
  openReadOnly(): Promise<void>;
  startEmpty(): Promise<void>;
  recoveryStatus(): Promise<RecoveryStatus>;
  safetyCopies(): SafetyCopyInfo[];
  /** Stops a restore that has not started replacing the database yet. */
  cancel(): boolean;
}

export function createOperations(host: OperationsHost): Operations {
  let running: ReturnType<typeof cancellable> | undefined;
  const progress = (phase: OperationProgress['phase'], done: number, total: number) =>
    host.progress({ operation: 'restore', phase, done, total });

  /** One replacing operation at a time; `work` gets the signal that cancels it. */
  async function exclusive<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (running) throw new AppError('conflict', 'Another restore is already running. Wait for it to finish.');
    running = cancellable();
    try {
      return await work(running.signal);
    } catch (error) {
      if (isCancelled(error))
        throw new AppError('conflict', 'The restore was cancelled; nothing was changed.', [
          { path: [RESTORE_CANCELLED], message: 'Cancelled' },
        ]);
      if (isDiskFull(error)) {
        throw new AppError(
          'unavailable',
          `There is not enough free disk space in ${host.folder.dir} to restore (${(error as Error).message}); nothing was changed.`,
        );
      }
      throw error;
    } finally {
      running = undefined;
    }
  }

  /** Builds the restored database, then swaps it in, keeping whatever was there before. */
  async function replaceWith(documents: Documents, reason: string, overwrite: boolean, signal: AbortSignal) {
    const generation = host.generation();
    const trouble = host.trouble();
    let people: number | undefined;
    if (generation && !trouble) {
      if (!overwrite && !(await isEmptyProfile(generation.db))) {
        people = await generation.db.contacts.count().exec();
        const held = `${people} ${people === 1 ? 'person' : 'people'}`;
        throw new AppError(
          'conflict',
          `This profile is not empty (${held}). Restoring replaces everything in it; confirm to continue.`,
          [{ path: [RESTORE_NEEDS_CONFIRMING], message: `Replace the ${held} here` }],
        );
      }
      people = await generation.db.contacts.count().exec();
      // This installation's own settings (where backups go, what was notified) stay as they are.
      const device = (await readAll(generation.db.settings as never)).filter((d) => isDeviceSetting(String(d.id)));
      const fromArchive = (documents.settings ?? []).filter((d) => !isDeviceSetting(String(d.id)));
      documents = { ...documents, settings: [...fromArchive, ...device.filter((d) => d.id !== 'projection')] };
    }
    const counts = await buildDatabase(host.folder, documents, signal, progress);
    signal.throwIfAborted();
    progress('replacing', 0, 1);
    const at = host.clock.now();
    await host.swap(
      () =>
        trouble
          ? (setAside(host.folder, at, `The ${trouble.problem} database, replaced by ${reason}`),
            moveIntoPlace(host.folder, host.folder.restoreTarget))
          : swapInDatabase(host.folder, host.folder.restoreTarget, at, {
              reason: `Before restoring ${reason}`,
              people,
            }),
      {},
    );
    progress('opening', 1, 1);
    return counts;
  }

  const ops: Operations = {
    restoreArchive: (fileName, text, overwrite) =>
      exclusive(async (signal) => {
        progress('reading', 0, 1);
        const documents = await readArchive(text, fileName);
        return { counts: await replaceWith(documents, fileName, overwrite, signal) };
      }),

    restoreBackup: (name, overwrite) =>
      exclusive(async (signal) => {
        progress('reading', 0, 1);
        // Read a chunk at a time: at a million interactions the archive is ~475 MB of text.
        const path = await verifiedBackupArchive(backupFolderOf(host.folder), name);
        const documents = await readArchiveFile(path, `${name}/archive.json`, signal);
        return { counts: await replaceWith(documents, `the backup ${name}`, overwrite, signal) };
      }),

    restoreSafetyCopy: (name) =>
      exclusive(async () => {
        const source = safetyCopyPath(host.folder, name);
        progress('writing', 0, 1);
        removeLeftovers(host.folder);
        // Copied, not moved: the safety copy stays as it was, whatever happens next.
        copyFileSync(source, host.folder.restoreTarget);
        if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, sideFiles(host.folder.restoreTarget)[0]!);
        const trouble = host.trouble();
        const at = host.clock.now();
        const people = (await host.generation()?.db.contacts.count().exec()) ?? undefined;
        await host.swap(
          () =>
            trouble
              ? (setAside(host.folder, at, `The ${trouble.problem} database, replaced by a safety copy`),
                moveIntoPlace(host.folder, host.folder.restoreTarget))
              : swapInDatabase(host.folder, host.folder.restoreTarget, at, {
                  reason: `Before putting back the safety copy ${name}`,
                  people,
                }),
          {},
        );
        progress('opening', 1, 1);
        return { people: (await host.generation()?.db.contacts.count().exec()) ?? 0 };
      }),

    openReadOnly: () =>
      exclusive(async () => {
        const trouble = host.trouble();
        if (trouble?.problem !== 'damaged') throw new AppError('conflict', 'Only a damaged database opens read-only.');
        const copy = host.folder.readOnlyCopy;
        removeLeftovers(host.folder, [copy]);
        copyFileSync(host.folder.database, copy);
        const wal = sideFiles(host.folder.database)[0]!;
        if (existsSync(wal)) copyFileSync(wal, sideFiles(copy)[0]!);
        await host.swap(() => {}, { readOnlyCopy: copy });
      }),

    startEmpty: () =>
      exclusive(async () => {
        const trouble = host.trouble();
        if (!trouble) throw new AppError('conflict', 'The database is fine; there is nothing to start again from.');
        const at = host.clock.now();
        await host.swap(
          () => void setAside(host.folder, at, `The ${trouble.problem} database, before starting empty`),
          {},
        );
      }),

    async recoveryStatus() {
      const trouble = host.trouble();
      if (!trouble) throw new AppError('conflict', 'The database is fine; there is nothing to recover.');
      return recoveryStatus(host.folder, trouble.problem, trouble.detail);
    },

    safetyCopies: () => listSafetyCopies(host.folder),

    cancel() {
      if (!running) return false;
      running.cancel();
      return true;
    },
  };
  return ops;
}

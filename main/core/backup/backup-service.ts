/**
 * Automatic and manual backups: settings and status are device settings (`backup` and
 * `backup-status`), the files live in the chosen folder.
 */
import { isAbsolute, join } from 'node:path';
import { BehaviorSubject, combineLatest, distinctUntilChanged, map, type Observable } from 'rxjs';
import { z } from 'zod';
import type { ContactDraft } from '../../../shared/domain/contact.ts';
import { BackupInfo, BackupSettings, type BackupStatus } from '../../../shared/ipc/channels/interchange.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import type { Clock } from '../clock.ts';
import type { RapportDatabase } from '../db/database.ts';
import { toVCard } from '../interchange/vcard/serialise.ts';
import { startTimerLoop, type TimerLoop, type Timers } from '../jobs/timer-loop.ts';
import { settingsKey, type SettingsStore } from '../settings/settings-store.ts';
import { exportArchive, readArchive, restoreDocuments, type Counts } from './archive.ts';
import { deleteBackup, listBackups, readBackupArchive, writeBackup } from './backup-files.ts';
import { backupsToDelete } from './rotation.ts';
const HOUR = 3_600_000;
const INTERVAL = { daily: 24 * HOUR, weekly: 7 * 24 * HOUR } as const;
/** The first backup of a new install waits a little, so it never slows start-up. */
export const FIRST_BACKUP_DELAY_MS = 60_000;
/** After a failure, try again sooner than the next regular run. */
export const RETRY_AFTER_MS = HOUR;

const StoredStatus = z.object({
  lastRunAt: z.iso.datetime().optional(),
  lastSuccessAt: z.iso.datetime().optional(),
  lastError: z.string().optional(),
  lastBackup: BackupInfo.optional(),
});
type StoredStatus = z.infer<typeof StoredStatus>;

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = BackupSettings.parse({});
export const BACKUP_SETTINGS = settingsKey({
  id: 'backup',
  schema: BackupSettings,
  fallback: DEFAULT_BACKUP_SETTINGS,
  scope: 'device',
});
export const BACKUP_STATUS = settingsKey({ id: 'backup-status', schema: StoredStatus, fallback: {}, scope: 'device' });

export interface BackupService {
  settings(): Promise<BackupSettings>;
  /** @throws AppError `invalid_input` when the folder is not an absolute path. */
  setSettings(value: BackupSettings): Promise<BackupSettings>;
  status$(): Observable<BackupStatus>;
  /** Writes, verifies and rotates one backup now. A second call while one runs joins it. */
  runNow(): Promise<BackupInfo>;
  list(): Promise<BackupInfo[]>;
  restore(name: string, overwrite: boolean): Promise<Counts>;
  /** Starts the timer; `stop` ends it and waits for a running backup. */
  start(timers?: Timers): void;
  stop(): Promise<void>;
}

/** When the next backup is due, or undefined when backups are off. Pure. */
export function nextDueAt(settings: BackupSettings, status: StoredStatus, startedAt: Date): Date | undefined {
  if (settings.frequency === 'off') return undefined;
  const interval = INTERVAL[settings.frequency];
  const success = status.lastSuccessAt ? Date.parse(status.lastSuccessAt) : undefined;
  const run = status.lastRunAt ? Date.parse(status.lastRunAt) : undefined;
  let due = success !== undefined ? success + interval : startedAt.getTime() + FIRST_BACKUP_DELAY_MS;
  if (status.lastError && run !== undefined) due = Math.min(due, run + RETRY_AFTER_MS);
  return new Date(due);
}

export function createBackupService(
  db: RapportDatabase,
  store: SettingsStore,
  clock: Clock,
  dataDir: string,
): BackupService {
  const startedAt = clock.now();
  const running$ = new BehaviorSubject(false);
  let current: Promise<BackupInfo> | undefined;
  let scheduler: TimerLoop | undefined;

  const readSettings = () => store.read(BACKUP_SETTINGS);
  const readStatus = () => store.read(BACKUP_STATUS);
  const folderOf = (settings: BackupSettings) => settings.folder ?? join(dataDir, 'backups');
  const saveStatus = (value: StoredStatus) => store.write(BACKUP_STATUS, value);

  async function backup(): Promise<BackupInfo> {
    const settings = await readSettings();
    const folder = folderOf(settings);
    const createdAt = clock.now();
    try {
      const { text, counts, documents } = await exportArchive(db, clock);
      const vcard = toVCard((documents.contacts ?? []) as ContactDraft[], '3.0');
      const info = await writeBackup(folder, { createdAt, vcard, archive: text, counts });
      const all = await listBackups(folder);
      const doomed = backupsToDelete(
        all.map((b) => ({ name: b.name, createdAt: new Date(b.createdAt) })),
        settings.keepDaily,
        settings.keepWeekly,
      );
      for (const name of doomed) await deleteBackup(folder, name);
      await saveStatus({
        lastRunAt: createdAt.toISOString(),
        lastSuccessAt: createdAt.toISOString(),
        lastBackup: info,
      });
      return info;
    } catch (error) {
      const previous = await readStatus();
      const message = (error as Error).message;
      await saveStatus({ ...previous, lastRunAt: createdAt.toISOString(), lastError: message });
      // A full disk or a missing folder is the user's to fix: say what happened, not "internal".
      throw error instanceof AppError
        ? error
        : new AppError('unavailable', `The backup could not be written to ${folder}: ${message}`);
    }
  }

  const service: BackupService = {
    settings: readSettings,

    async setSettings(value) {
      if (value.folder !== undefined && !isAbsolute(value.folder)) {
        throw new AppError('invalid_input', 'The backup folder must be a full path.', [
          { path: ['folder'], message: 'Use a full path, like /home/me/Backups' },
        ]);
      }
      await store.write(BACKUP_SETTINGS, value);
      void scheduler?.wake();
      return value;
    },

    status$() {
      return combineLatest([store.watch(BACKUP_SETTINGS), store.watch(BACKUP_STATUS), running$]).pipe(
        map(([settings, status, running]) => {
          const due = nextDueAt(settings, status, startedAt);
          return {
            settings,
            folder: folderOf(settings),
            running,
            ...status,
            ...(due ? { nextDueAt: due.toISOString() } : {}),
          };
        }),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      );
    },

    runNow() {
      if (current) return current;
      running$.next(true);
      current = backup().finally(() => {
        current = undefined;
        running$.next(false);
        void scheduler?.wake();
      });
      return current;
    },

    async list() {
      return listBackups(folderOf(await readSettings()));
    },

    async restore(name, overwrite) {
      const text = await readBackupArchive(folderOf(await readSettings()), name);
      return restoreDocuments(db, await readArchive(db, text, `${name}/archive.json`), { overwrite });
    },

    start(timers) {
      const due = async () => nextDueAt(await readSettings(), await readStatus(), startedAt) ?? null;
      scheduler ??= startTimerLoop({
        clock,
        timers,
        step: async (reason) => {
          const at = await due();
          // A sleep that ran its full planned length runs the backup even if the clock did not
          // move, so a frozen clock (`serve --today`) still gets its backups.
          if (!at || (at.getTime() > clock.now().getTime() && reason !== 'due')) return at;
          await service.runNow();
          return due();
        },
        // The failure is already in the status the settings screen shows; the log gets it too.
        onError: (error) => console.warn('[rapport] backup failed:', (error as Error).message),
      });
    },

    async stop() {
      await scheduler?.stop();
      scheduler = undefined;
      await current?.catch(() => undefined);
    },
  };
  return service;
}

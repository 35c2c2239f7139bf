/**
 * Automatic and manual backups. Settings are a device setting (`backup`); the status and history
 * live in the backup folder itself (history.ts), so losing the database loses neither. A backup is
 * written and verified a page at a time, yielding to requests in between. Every run has a
 * deadline: a folder that stops answering fails and cancels that run, and never blocks the next
 * run or the app's shutdown; closing the app cancels a running backup (nothing is published).
 */
import { isAbsolute, join } from 'node:path';
import { BehaviorSubject, combineLatest, distinctUntilChanged, map, type Observable } from 'rxjs';
import type { ContactDraft } from '../../../shared/domain/contact.ts';
import { BackupSettings, type BackupInfo, type BackupStatus } from '../../../shared/ipc/channels/interchange.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import type { Clock } from '../clock.ts';
import type { RapportDatabase } from '../db/database.ts';
import { toVCard } from '../interchange/vcard/serialise.ts';
import { cancellable, isCancelled } from '../jobs/cancellation.ts';
import { startTimerLoop, type TimerLoop, type Timers } from '../jobs/timer-loop.ts';
import { withDeadline, withTimeout } from '../jobs/timeout.ts';
import { settingsKey, type SettingsStore } from '../settings/settings-store.ts';
import { sourceTotal, writeArchive } from './archive-write.ts';
import { deleteBackup, listBackups, writeBackup } from './backup-files.ts';
import { emptyHistory, readHistory, writeHistory, type BackupHistory } from './history.ts';
import { backupsToDelete, shrinkWarning } from './rotation.ts';

const HOUR = 3_600_000;
const INTERVAL = { daily: 24 * HOUR, weekly: 7 * 24 * HOUR } as const;
/** The first backup of a new install waits a little, so it never slows start-up. */
export const FIRST_BACKUP_DELAY_MS = 60_000;
/** A backup overdue when the app starts waits this long, so the first screen has the machine to itself. */
export const OVERDUE_START_DELAY_MS = 30_000;
/** After a failure, try again sooner than the next regular run. */
export const RETRY_AFTER_MS = HOUR;
/**
 * How long one backup (write, verify, rotate) may go without progress before it is counted as
 * failed and cancelled. Progress, not the whole run: a lifetime of data takes minutes to back up.
 */
export const BACKUP_TIMEOUT_MS = 5 * 60_000;
/** How long closing the app waits for a cancelled backup to remove its temporary folder. */
export const STOP_WAIT_MS = 5_000;

// jitless: parsed once, at module load, where compiling zod's fast path costs more than it saves.
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = BackupSettings.parse({}, { jitless: true });
export const BACKUP_SETTINGS = settingsKey({
  id: 'backup',
  label: 'your backup settings',
  schema: BackupSettings,
  fallback: DEFAULT_BACKUP_SETTINGS,
  scope: 'device',
});

export interface BackupService {
  settings(): Promise<BackupSettings>;
  /** @throws AppError `invalid_input` when the folder is not an absolute path. */
  setSettings(value: BackupSettings): Promise<BackupSettings>;
  status$(): Observable<BackupStatus>;
  /** Writes, verifies and rotates one backup now. A second call while one runs joins it. */
  runNow(): Promise<BackupInfo>;
  list(): Promise<BackupInfo[]>;
  /** Starts the timer; `stop` ends it and waits (briefly) for a running backup. */
  start(timers?: Timers): void;
  stop(): Promise<void>;
}

type Status = Pick<BackupHistory, 'lastRunAt' | 'lastSuccessAt' | 'lastError'>;

/** When the next backup is due, or undefined when backups are off. Pure. */
export function nextDueAt(settings: BackupSettings, status: Status, startedAt: Date): Date | undefined {
  if (settings.frequency === 'off') return undefined;
  const interval = INTERVAL[settings.frequency];
  const success = status.lastSuccessAt ? Date.parse(status.lastSuccessAt) : undefined;
  const run = status.lastRunAt ? Date.parse(status.lastRunAt) : undefined;
  let due = success !== undefined ? success + interval : startedAt.getTime() + FIRST_BACKUP_DELAY_MS;
  if (status.lastError && run !== undefined) due = Math.min(due, run + RETRY_AFTER_MS);
  return new Date(due);
}

/** How far a running backup is: documents written, then documents read back and checked. */
export interface BackupProgress {
  phase: 'writing' | 'verifying';
  done: number;
  total: number;
}

export interface BackupOptions {
  /** Where backups go is also noted outside the database, so a lost database can still find them. */
  rememberFolder?: (folder: string | undefined) => void;
  timeoutMs?: number;
  onProgress?: (progress: BackupProgress) => void;
}

export function createBackupService(
  db: RapportDatabase,
  store: SettingsStore,
  clock: Clock,
  dataDir: string,
  options: BackupOptions = {},
): BackupService {
  const startedAt = clock.now();
  const running$ = new BehaviorSubject(false);
  const history$ = new BehaviorSubject<BackupHistory>(emptyHistory());
  const timeoutMs = options.timeoutMs ?? BACKUP_TIMEOUT_MS;
  let current: Promise<BackupInfo> | undefined;
  let cancelCurrent: (() => void) | undefined;
  let scheduler: TimerLoop | undefined;

  const readSettings = () => store.read(BACKUP_SETTINGS);
  const folderOf = (settings: BackupSettings) => settings.folder ?? join(dataDir, 'backups');
  /** The folder's record; without one, the newest backup in it still says when the last success was. */
  async function loadHistory(folder: string): Promise<BackupHistory> {
    const history = await readHistory(folder);
    if (!history.lastSuccessAt) {
      const newest = (await listBackups(folder).catch(() => []))[0];
      if (newest) return { ...history, lastSuccessAt: newest.createdAt, lastBackup: newest };
    }
    return history;
  }
  const refresh = async () =>
    history$.next(
      await withTimeout(loadHistory(folderOf(await readSettings())), timeoutMs, 'Reading the backup folder'),
    );
  /** Records a run in the folder's history; a folder that cannot take it does not fail the caller twice. */
  function record(folder: string, change: (history: BackupHistory) => BackupHistory) {
    const next = change(history$.value);
    history$.next(next);
    try {
      writeHistory(folder, next);
    } catch (error) {
      console.warn('[rapport] The backup history could not be written:', (error as Error).message);
    }
  }

  async function backup(settings: BackupSettings, signal: AbortSignal, progressed: () => void): Promise<BackupInfo> {
    const folder = folderOf(settings);
    const createdAt = clock.now();
    const total = await sourceTotal(db);
    const report = (phase: BackupProgress['phase'], done: number) => {
      progressed();
      options.onProgress?.({ phase, done: Math.min(done, total), total });
    };
    let written = 0;
    const info = await writeBackup(
      folder,
      {
        createdAt,
        // The vCard is written from the same pages as the archive: one read of the database.
        write: ({ archive, vcard }) =>
          writeArchive(db, clock, (text) => archive.write(text), {
            signal,
            onPage: async (name, documents) => {
              if (name === 'contacts' && documents.length)
                await vcard.write(toVCard(documents as ContactDraft[], '3.0'));
              report('writing', (written += documents.length));
            },
          }),
      },
      { signal, onProgress: (done) => report('verifying', done) },
    );
    signal.throwIfAborted();
    const dated = (await listBackups(folder)).map((b) => ({
      name: b.name,
      createdAt: new Date(b.createdAt),
      people: b.counts.contacts,
    }));
    for (const name of backupsToDelete(dated, settings.keepDaily, settings.keepWeekly))
      await deleteBackup(folder, name);
    const previous = dated.find((b) => b.name !== info.name);
    return Object.assign(info, {
      warning: shrinkWarning(previous, { ...info, createdAt, people: info.counts.contacts }),
    });
  }

  async function run(): Promise<BackupInfo> {
    const job = cancellable();
    cancelCurrent = job.cancel;
    const settings = await readSettings();
    const folder = folderOf(settings);
    const at = clock.now().toISOString();
    try {
      const info = await withDeadline(
        (signal, progressed) => backup(settings, signal, progressed),
        timeoutMs,
        `The backup to ${folder}`,
        job.signal,
      );
      const { warning, ...listed } = info as BackupInfo & { warning?: string };
      record(folder, (h) => ({
        ...h,
        lastRunAt: at,
        lastSuccessAt: at,
        lastError: undefined,
        lastBackup: listed,
        warning,
        runs: [...h.runs, { at, ok: true, name: info.name, people: info.counts.contacts }],
      }));
      return listed;
    } catch (error) {
      // Closing the app stopped it: not a failure of the folder, and the next start backs up again.
      if (isCancelled(error)) throw new AppError('conflict', 'The backup was cancelled; nothing was written.');
      const message = (error as Error).message;
      record(folder, (h) => ({
        ...h,
        lastRunAt: at,
        lastError: message,
        runs: [...h.runs, { at, ok: false, error: message }],
      }));
      // A full disk, a missing folder or one that stopped answering is the user's to fix: say so, not "internal".
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
      options.rememberFolder?.(value.folder);
      await refresh().catch(() => {});
      void scheduler?.wake();
      return value;
    },

    status$() {
      void refresh().catch(() => {});
      return combineLatest([store.watch(BACKUP_SETTINGS), history$, running$]).pipe(
        map(([settings, history, running]) => {
          const due = nextDueAt(settings, history, startedAt);
          return {
            settings,
            folder: folderOf(settings),
            running,
            ...(history.lastRunAt ? { lastRunAt: history.lastRunAt } : {}),
            ...(history.lastSuccessAt ? { lastSuccessAt: history.lastSuccessAt } : {}),
            ...(history.lastError ? { lastError: history.lastError } : {}),
            ...(history.lastBackup ? { lastBackup: history.lastBackup } : {}),
            ...(history.warning ? { warning: history.warning } : {}),
            ...(due ? { nextDueAt: due.toISOString() } : {}),
          };
        }),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      );
    },

    runNow() {
      if (current) return current;
      running$.next(true);
      current = run().finally(() => {
        current = undefined;
        cancelCurrent = undefined;
        running$.next(false);
        void scheduler?.wake();
      });
      return current;
    },

    async list() {
      const folder = folderOf(await readSettings());
      return withTimeout(listBackups(folder), timeoutMs, `Listing the backups in ${folder}`);
    },

    start(timers) {
      const due = async () => {
        await refresh();
        return nextDueAt(await readSettings(), history$.value, startedAt) ?? null;
      };
      scheduler ??= startTimerLoop({
        clock,
        timers,
        step: async (reason) => {
          const at = await due();
          // Overdue at start-up (the app was closed for days): after the first screen, not during it.
          if (at && reason === 'start')
            return new Date(Math.max(at.getTime(), clock.now().getTime() + OVERDUE_START_DELAY_MS));
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
      // A running backup is cancelled: it removes its temporary folder and publishes nothing.
      cancelCurrent?.();
      const stopping = scheduler?.stop();
      scheduler = undefined;
      // A backup stuck on a folder that stopped answering must not hold the app open.
      await withTimeout(
        Promise.all([stopping, current?.catch(() => undefined)]),
        STOP_WAIT_MS,
        'The running backup',
      ).catch((error: Error) => console.warn(`[rapport] ${error.message}; closing without it.`));
    },
  };
  return service;
}

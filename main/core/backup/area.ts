import type { interchangeRequests, interchangeSubscriptions } from '../../../shared/ipc/channels/interchange.ts';
import type { Area, CoreContext } from '../context.ts';
import { createBackupService, type BackupService } from './backup-service.ts';

/** `backup.restore` replaces the database, so the core serves it (lifecycle/handlers.ts). */
type BackupRequest = Exclude<Extract<keyof typeof interchangeRequests, `backup.${string}`>, 'backup.restore'>;
type BackupSubscription = Extract<keyof typeof interchangeSubscriptions, `backup.${string}`>;

/** When, after opening, the backup folder chosen in Settings is noted outside the database. */
const NOTE_FOLDER_AFTER_MS = 3_000;

/** The backup area: automatic and manual backups, their settings and status, restore from one. */
export function createBackupArea(
  ctx: CoreContext,
): Area<BackupRequest, BackupSubscription> & { backups: BackupService } {
  const backups = createBackupService(ctx.db, ctx.settings, ctx.clock, ctx.dataDir, {
    rememberFolder: ctx.rememberBackupFolder,
  });
  // A folder chosen before this was noted outside the database is noted once the first screen has
  // its data (a settings read at every start), or at close if that comes first (the CLI).
  let noted: Promise<void> | undefined;
  const noteFolder = () =>
    (noted ??= backups
      .settings()
      .then((settings) => ctx.rememberBackupFolder(settings.folder))
      .catch(() => {}));
  const later = setTimeout(noteFolder, NOTE_FOLDER_AFTER_MS);
  later.unref();
  return {
    backups,
    requests: {
      'backup.getSettings': () => backups.settings(),
      'backup.setSettings': (input) => backups.setSettings(input),
      'backup.runNow': () => backups.runNow(),
      'backup.list': () => backups.list(),
    },
    subscriptions: { 'backup.status': () => backups.status$() },
    jobs: { start: () => backups.start(), stop: () => backups.stop() },
    // A backup started by hand (the CLI's `backup now`) finishes before the core closes.
    async close() {
      clearTimeout(later);
      await noteFolder();
      await backups.stop();
    },
  };
}

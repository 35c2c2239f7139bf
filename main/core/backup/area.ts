import type { interchangeRequests, interchangeSubscriptions } from '../../../shared/ipc/channels/interchange.ts';
import type { Area, CoreContext } from '../context.ts';
import { createBackupService, type BackupService } from './backup-service.ts';

type BackupRequest = Extract<keyof typeof interchangeRequests, `backup.${string}`>;
type BackupSubscription = Extract<keyof typeof interchangeSubscriptions, `backup.${string}`>;

/** The backup area: automatic and manual backups, their settings and status, restore from one. */
export function createBackupArea(
  ctx: CoreContext,
): Area<BackupRequest, BackupSubscription> & { backups: BackupService } {
  const backups = createBackupService(ctx.db, ctx.settings, ctx.clock, ctx.dataDir);
  return {
    backups,
    requests: {
      'backup.getSettings': () => backups.settings(),
      'backup.setSettings': (input) => backups.setSettings(input),
      'backup.runNow': () => backups.runNow(),
      'backup.list': () => backups.list(),
      'backup.restore': async ({ name, overwrite }) => {
        const counts = await backups.restore(name, overwrite);
        await ctx.projection.flush();
        return { counts };
      },
    },
    subscriptions: { 'backup.status': () => backups.status$() },
    jobs: { start: () => backups.start(), stop: () => backups.stop() },
    // A backup started by hand (the CLI's `backup now`) finishes before the core closes.
    close: () => backups.stop(),
  };
}

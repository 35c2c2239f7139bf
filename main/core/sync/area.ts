import type { syncRequests, syncSubscriptions } from '../../../shared/ipc/channels/sync.ts';
import type { Area, CoreContext } from '../context.ts';
import type { SecretStore } from '../ports.ts';
import { createSyncService, type SyncService, type SyncTuning } from './sync-service.ts';

export interface SyncAreaOptions {
  secrets: SecretStore;
  canSync: boolean;
  tuning?: SyncTuning | undefined;
}

/**
 * The sync area: Settings → Sync, the sidebar's status line, and the replications, which run with
 * the background jobs. It owns no collection: replication writes land in each owner's collection
 * and the projector follows them like any other write.
 */
export function createSyncArea(
  ctx: CoreContext,
  options: SyncAreaOptions,
): Area<keyof typeof syncRequests, keyof typeof syncSubscriptions> & { sync: SyncService } {
  const sync = createSyncService({
    db: ctx.db,
    settings: ctx.settings,
    secrets: options.secrets,
    clock: ctx.clock,
    canSync: options.canSync,
    ...(options.tuning ? { tuning: options.tuning } : {}),
  });
  return {
    sync,
    requests: {
      'sync.getState': () => sync.state(),
      'sync.testConnection': (input) => sync.testConnection(input),
      'sync.setUp': (input) => sync.setUp(input),
      'sync.join': (input) => sync.join(input),
      'sync.reconnect': (input) => sync.reconnect(input),
      'sync.pause': () => sync.pause(),
      'sync.resume': () => sync.resume(),
      'sync.disconnect': () => sync.disconnect(),
    },
    subscriptions: { 'sync.watchState': () => sync.state$ },
    jobs: { start: () => sync.start(), stop: () => sync.stop() },
    close: () => sync.stop(),
  };
}

import type { EventName, EventPayload, RequestChannel, SubscriptionChannel } from '../../shared/ipc/contract.ts';
import type { Clock } from './clock.ts';
import type { RapportDatabase } from './db/database.ts';
import type { DetailsApi } from './details/area.ts';
import type { EventsApi } from './events/area.ts';
import type { InteractionsApi } from './interactions/area.ts';
import type { Uploads } from './lifecycle/uploads.ts';
import type { WriteJournal } from './lifecycle/write-journal.ts';
import type { RequestHandlers, SubscriptionHandlers } from './ipc/dispatcher.ts';
import type { PeopleApi } from './people/area.ts';
import type { Notifier } from './ports.ts';
import type { Projector } from './projection/projector.ts';
import type { SettingsStore } from './settings/settings-store.ts';
import type { Trash } from './trash/trash.ts';

/**
 * The operations areas offer each other. An area reads any collection it likes, but writes only
 * its own; to change another area's data it calls that area here.
 */
export interface AreaApis {
  people: PeopleApi;
  interactions: InteractionsApi;
  details: DetailsApi;
  events: EventsApi;
}

/** What every area is built from; created once in core.ts. */
export interface CoreContext {
  db: RapportDatabase;
  clock: Clock;
  dataDir: string;
  mode: 'desktop' | 'browser';
  settings: SettingsStore;
  trash: Trash;
  /** Makes operations of several writes all or nothing across crashes (lifecycle/write-journal.ts). */
  journal: WriteJournal;
  projection: Projector;
  /** Filled in by core.ts as the areas are built; read at call time, never while building. */
  areas: AreaApis;
  /** Desktop notifications where the shell provides them; absent in browser mode, the CLI and tests. */
  notifier: Notifier | undefined;
  /** Pushes an event to every connected renderer. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Files uploaded in parts, named by id in requests (an import). */
  uploads: Uploads;
  /** Notes where backups go outside the database, so a lost database can still find them. */
  rememberBackupFolder(folder: string | undefined): void;
  /**
   * Copies the whole database into safety-copies/ before a destructive operation (a large
   * import, deleting many people). @throws AppError `unavailable` when the copy fails: the
   * operation must then not go ahead.
   */
  safetyCopy(reason: string): Promise<void>;
}

/** Work an area runs in the background: started only when the core is opened with `jobs: true`. */
export interface Jobs {
  start(): void;
  stop(): Promise<void>;
}

/** One area's slice of the IPC handlers, its background jobs, and what to close with the core. */
export interface Area<R extends RequestChannel, S extends SubscriptionChannel> {
  requests: Pick<RequestHandlers, R>;
  subscriptions: Pick<SubscriptionHandlers, S>;
  jobs?: Jobs;
  close?(): Promise<void> | void;
}

import type { RxCollection } from 'rxdb';
import { combineLatest, map, type Observable } from 'rxjs';
import { startCollectionSync, type CollectionSync } from './collection-sync.ts';
import type { SyncKey } from './crypto.ts';
import { combineStatuses, type SyncStatus } from './status.ts';
import { collectionDatabaseUrl, ensureDatabase, verifySyncKey, type SyncServerConfig } from './sync-space.ts';
import type { SyncTransport } from './transport.ts';

/**
 * Sync for a whole device: checks the key against the server, makes sure each collection's
 * database exists, and runs one replication per source collection. Derived collections
 * (participations, trash, search) are never passed in; they follow the replicated writes locally.
 */
export interface SyncSessionOptions {
  server: SyncServerConfig;
  transport: SyncTransport;
  key: SyncKey;
  /** The source collections, by name; each created with its `syncConflictHandlers` entry. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any collection's document type
  collections: readonly RxCollection<any>[];
  live?: boolean;
  /** Documents of a collection that stay on this device (device settings). */
  keepLocal?: (collection: string, id: string) => boolean;
}

export interface SyncSession {
  /** The most urgent status over all collections (see combineStatuses). */
  readonly status$: Observable<SyncStatus>;
  readonly collections: readonly CollectionSync[];
  awaitInSync(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** Rejects with a SyncError (wrong passphrase, not set up, needs credentials, offline) before anything syncs. */
export async function startSync(options: SyncSessionOptions): Promise<SyncSession> {
  const { server, transport, key } = options;
  await verifySyncKey(transport, server, key);
  for (const collection of options.collections) {
    await ensureDatabase(transport, collectionDatabaseUrl(server, collection.name));
  }
  const syncs = options.collections.map((collection) =>
    startCollectionSync({
      collection,
      url: collectionDatabaseUrl(server, collection.name),
      transport,
      key,
      ...(options.live === undefined ? {} : { live: options.live }),
      ...(options.keepLocal ? { keepLocal: (id: string) => options.keepLocal!(collection.name, id) } : {}),
    }),
  );
  return {
    status$: combineLatest(syncs.map((s) => s.status$)).pipe(map(combineStatuses)),
    collections: syncs,
    awaitInSync: async () => void (await Promise.all(syncs.map((s) => s.awaitInSync()))),
    pause: async () => void (await Promise.all(syncs.map((s) => s.pause()))),
    resume: async () => void (await Promise.all(syncs.map((s) => s.resume()))),
    stop: async () => void (await Promise.all(syncs.map((s) => s.stop()))),
  };
}

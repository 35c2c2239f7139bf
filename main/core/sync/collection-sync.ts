import type { RxCollection } from 'rxdb';
import { migrateDocumentData } from 'rxdb/plugins/migration-schema';
import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import { BehaviorSubject, combineLatest, distinctUntilChanged, map, merge, type Observable } from 'rxjs';
import { oneOf } from '../db/collections.ts';
import { isSyncHandler } from './conflict-handler.ts';
import type { SyncKey } from './crypto.ts';
import { createEncryptingCodec, createPlainCodec, type CouchDocument, type DocumentCodec } from './document-codec.ts';
import { isFatal, SyncError } from './errors.ts';
import { createReplicationFetch } from './replication-fetch.ts';
import { statusOf, type SyncStatus } from './status.ts';
import type { SyncTransport } from './transport.ts';

/**
 * One live, end-to-end encrypted replication of one RxDB collection with one CouchDB database.
 */
export interface CollectionSyncOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any collection's document type
  collection: RxCollection<any>;
  /** The collection's database, ending with `/` (see collectionDatabaseUrl); it must exist. */
  url: string;
  transport: SyncTransport;
  /** The sync key; `null` only for the benchmark's unencrypted baseline. */
  key: SyncKey | null;
  /** Keep following changes (default) or stop after one pass. */
  live?: boolean;
  pullBatchSize?: number;
  pushBatchSize?: number;
  /** Documents that belong to this device only (device settings): never pushed. */
  keepLocal?: (id: string) => boolean;
}

export interface CollectionSync {
  readonly collectionName: string;
  readonly status$: Observable<SyncStatus>;
  readonly replication: RxCouchDBReplicationState<unknown>;
  /** Resolves once everything local is on the server and everything there is local; rejects on a fatal error. */
  awaitInSync(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export function startCollectionSync(options: CollectionSyncOptions): CollectionSync {
  const { collection, transport, keepLocal } = options;
  const primary = collection.schema.primaryPath as string;
  if (!isSyncHandler(collection.conflictHandler)) {
    throw new Error(
      `The "${collection.name}" collection has no sync conflict handler; create it with conflictHandler: syncConflictHandlers.${collection.name}.`,
    );
  }
  const fatal$ = new BehaviorSubject<SyncError | null>(null);
  const paused$ = new BehaviorSubject(false);
  const firstPassDone$ = new BehaviorSubject(false);
  const stopping = new AbortController();

  const codecOptions = {
    collection: collection.name,
    schemaVersion: collection.schema.version,
    upgrade: (doc: CouchDocument, fromVersion: number) => upgradeDocument(collection, doc, fromVersion),
  };
  const codec: DocumentCodec = options.key
    ? createEncryptingCodec({ ...codecOptions, key: options.key })
    : createPlainCodec(codecOptions);

  const replication = replicateCouchDB({
    replicationIdentifier: `rapport-sync:${options.url}`,
    collection,
    url: options.url,
    live: options.live ?? true,
    waitForLeadership: false,
    // The transport's gate spaces retries out (doubling, capped); RxDB's own wait stays short.
    retryTime: 1_000,
    fetch: createReplicationFetch({
      transport,
      codec,
      signal: stopping.signal,
      onError: (error) => {
        if (isFatal(error) && !fatal$.value) {
          fatal$.next(error);
          // Stop retrying: only the user (new credentials) or an update can fix this.
          void replication.cancel();
        }
      },
    }),
    pull: { batchSize: options.pullBatchSize ?? 500 },
    push: {
      batchSize: options.pushBatchSize ?? 200,
      // RxDB skips a document whose push modifier returns null. Identity for everything else, so
      // the conflict check still compares what the server has with what this device wrote.
      ...(keepLocal
        ? { modifier: (doc: Record<string, unknown>) => (keepLocal(String(doc[primary])) ? null : doc) }
        : {}),
    },
  });

  void replication.awaitInitialReplication().then(() => firstPassDone$.next(true));

  // RxDB completes its subjects on cancel; mirror them so the status stays readable afterwards.
  const active$ = new BehaviorSubject(false);
  const changes$ = new BehaviorSubject(0);
  const subscriptions = [
    replication.active$.pipe(distinctUntilChanged()).subscribe((active) => {
      // "Syncing N": documents moved since RxDB last went from idle to active.
      if (active) changes$.next(0);
      active$.next(active);
    }),
    merge(replication.received$, replication.sent$).subscribe(() => changes$.next(changes$.value + 1)),
  ];

  const status$ = new BehaviorSubject<SyncStatus>({ state: 'syncing', changes: 0 });
  subscriptions.push(
    combineLatest([transport.authorised$, fatal$, paused$, transport.gate.state$, active$, firstPassDone$, changes$])
      .pipe(
        map(([authorised, fatal, paused, gate, active, firstPassDone, changes]) =>
          statusOf({
            authorised,
            fatal,
            paused,
            online: gate.online,
            retryAt: gate.nextAttemptAt,
            busy: active || !firstPassDone,
            changes,
          }),
        ),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      )
      .subscribe(status$),
  );

  return {
    collectionName: collection.name,
    status$: status$.asObservable(),
    replication: replication as RxCouchDBReplicationState<unknown>,
    async awaitInSync() {
      const failed = new Promise<never>((_, reject) => {
        const sub = fatal$.subscribe((error) => {
          if (error) {
            reject(error);
            queueMicrotask(() => sub.unsubscribe());
          }
        });
      });
      await Promise.race([replication.awaitInSync(), failed]);
    },
    async pause() {
      paused$.next(true);
      await replication.pause();
    },
    async resume() {
      paused$.next(false);
      await replication.start();
    },
    async stop() {
      stopping.abort();
      await replication.cancel();
      for (const subscription of subscriptions) subscription.unsubscribe();
    },
  };
}

/** Brings a document written with an older schema up to this device's, with the collection's own migrations. */
async function upgradeDocument(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any collection's document type
  collection: RxCollection<any>,
  doc: CouchDocument,
  fromVersion: number,
): Promise<CouchDocument> {
  const primary = collection.schema.primaryPath as string;
  const { _id, _rev, _deleted, ...body } = doc;
  const migrated = await migrateDocumentData(collection, fromVersion, { ...body, [primary]: _id, _deleted }).catch(
    () => null,
  );
  // Dropped by a migration, or one that failed on fields that are not what that version wrote.
  if (migrated === null) {
    throw new SyncError(
      'server',
      `${oneOf(collection.name)} on the sync server could not be brought up to this version of Rapport; it was not read.`,
    );
  }
  const { [primary]: _primary, _attachments: _a, _deleted: _d, _meta: _m, ...upgraded } = migrated as CouchDocument;
  return { ...upgraded, _id, ...(_rev ? { _rev } : {}), ...(_deleted ? { _deleted } : {}) };
}

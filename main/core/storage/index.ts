import path from 'node:path';
import {
  ensureRxStorageInstanceParamsAreCorrect,
  RXDB_VERSION,
  type RxStorage,
  type RxStorageInstanceCreationParams,
} from 'rxdb';
import { acquireTableState, releaseTableState } from './change-bus.ts';
import { acquireConnection, databaseFilePath, releaseConnection, type SynchronousLevel } from './connection.ts';
import { configureDocumentCache } from './doc-cache.ts';
import { CONVERSION_ROWS_PER_START, type ConversionBudget } from './key-format.ts';
import { RxStorageInstanceSqlite, type SqliteInstanceOptions, type SqliteStorageInternals } from './instance.ts';
import { openTable, prepareTableStatements, tableName } from './table.ts';

export type { SqliteInstanceOptions, SqliteStorageInternals } from './instance.ts';
export { RxStorageInstanceSqlite } from './instance.ts';
export { configureDocumentCache, documentCacheStats, DEFAULT_CACHE_BYTES } from './doc-cache.ts';

export type SqliteStorageOptions = {
  /** Folder holding one `<databaseName>.sqlite` file per RxDB database; created if missing. */
  databaseDirectory: string;
  /** Default 'FULL' (see docs/storage.md). */
  synchronous?: SynchronousLevel;
  /** Milliseconds to wait on a locked database before failing; default 5000. */
  busyTimeoutMs?: number;
  /**
   * Budget of the parsed-document cache in estimated heap bytes (see
   * doc-cache.ts); default 32 MiB (~50k typical documents), 0 disables it.
   * The budget is per process (shared by all collections of all storages):
   * passing it here sets it for the process.
   */
  documentCacheBytes?: number;
  /**
   * Rows of tables with padded index keys this storage converts to compact keys as they open
   * (key-format.ts; default 50,000); 0 keeps every one padded (tests).
   */
  keyConversionRows?: number;
};

export type RxStorageSqlite = RxStorage<SqliteStorageInternals, SqliteInstanceOptions>;

/**
 * RxDB storage persisting to SQLite through `node:sqlite` (Node >= 22.13).
 *
 * Each RxDB database is one file `<databaseDirectory>/<databaseName>.sqlite`;
 * each collection+schema version is one table in it. Instances of the same
 * collection in this process share one connection and one change bus, so
 * they observe each other's writes. Attachments are not supported
 * (createStorageInstance throws for schemas that declare them).
 *
 * @throws from createStorageInstance on key-compression/encryption schemas
 *   (RxDB's own checks), attachment schemas, invalid database names, or a
 *   file that is not an SQLite database.
 */
export function getRxStorageSqlite(options: SqliteStorageOptions): RxStorageSqlite {
  if (options.documentCacheBytes !== undefined) configureDocumentCache({ maxBytes: options.documentCacheBytes });
  const connectionOptions = {
    synchronous: options.synchronous ?? 'FULL',
    busyTimeoutMs: options.busyTimeoutMs ?? 5000,
  };
  const conversionBudget: ConversionBudget = { rows: options.keyConversionRows ?? CONVERSION_ROWS_PER_START };
  const storage: RxStorageSqlite = {
    // RxDB allows one open database per storage name and database name in a process. Every data
    // folder holds a "rapport" database, so the folder goes into the name: two cores in one
    // process (two devices in a sync test) must not close each other.
    name: `rapport-sqlite:${path.resolve(options.databaseDirectory)}`,
    rxdbVersion: RXDB_VERSION,
    async createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, SqliteInstanceOptions>,
    ): Promise<RxStorageInstanceSqlite<RxDocType>> {
      ensureRxStorageInstanceParamsAreCorrect(params);
      if (params.schema.attachments) {
        throw new Error(`SQLite storage does not support attachments (collection ${params.collectionName})`);
      }
      const filePath = databaseFilePath(options.databaseDirectory, params.databaseName);
      const table = tableName(params.collectionName, params.schema.version);
      const db = acquireConnection(filePath, connectionOptions);
      const shared = acquireTableState(filePath, table);
      try {
        const indexes = openTable(db, table, params.schema, conversionBudget);
        const statements = prepareTableStatements(db, table, indexes);
        const internals: SqliteStorageInternals = { db, filePath, table, indexes, shared };
        return new RxStorageInstanceSqlite<RxDocType>(
          storage,
          params.databaseName,
          params.collectionName,
          params.schema,
          internals,
          params.options ?? {},
          statements,
        );
      } catch (error) {
        releaseTableState(filePath, table, shared);
        releaseConnection(filePath);
        throw error;
      }
    },
  };
  return storage;
}

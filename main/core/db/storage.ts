import { createHash } from 'node:crypto';
import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';

export interface StorageChoice {
  storage: RxStorage<unknown, unknown>;
  /** RxDB database name; distinct per data dir so two cores in one process never share data. */
  databaseName: string;
  /** Whether data written through this storage survives a restart. */
  persistent: boolean;
}

/**
 * The single place that picks the storage for the app, browser mode and CLI.
 * In-memory until the SQLite storage lands; the UI reports `persistent: false` meanwhile.
 */
export function createStorage(dataDir: string): StorageChoice {
  const databaseName = `rapport${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`;
  return { storage: getRxStorageMemory(), databaseName, persistent: false };
}

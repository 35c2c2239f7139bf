import type { RxStorage } from 'rxdb';
import { getRxStorageSqlite } from '../storage/index.ts';

export interface StorageChoice {
  storage: RxStorage<unknown, unknown>;
  /** RxDB database name: the file `<dataDir>/<databaseName>.sqlite`. */
  databaseName: string;
  /** Whether data written through this storage survives a restart. */
  persistent: boolean;
}

/** The single place that picks the storage for the app, browser mode and CLI: SQLite in the data folder. */
export function createStorage(dataDir: string): StorageChoice {
  return {
    storage: getRxStorageSqlite({ databaseDirectory: dataDir }) as RxStorage<unknown, unknown>,
    databaseName: 'rapport',
    persistent: true,
  };
}

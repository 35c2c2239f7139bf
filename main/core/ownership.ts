/**
 * The one-writer-per-collection rule, checked at run time: every write reaches the storage
 * through `storageInstance.bulkWrite`, where the area running it (area.ts) must be the owner
 * listed in db/collections.ts. Writes arriving from another device run as `replication` and may
 * write synced collections. Tests turn the guard on for every core they open.
 */
import type { RxStorageInstance } from 'rxdb';
import { currentArea } from './area.ts';
import { isReplicationWrite } from './sync/edit-stamps.ts';
import { COLLECTIONS, type CollectionName } from './db/collections.ts';
import type { RapportDatabase } from './db/database.ts';

export class OwnershipViolation extends Error {
  constructor(collection: string, writer: string | undefined) {
    super(
      `${writer ?? 'code outside any area'} wrote "${collection}", which belongs to ${COLLECTIONS[collection as CollectionName].owner}`,
    );
    this.name = 'OwnershipViolation';
  }
}

export function guardOwnership(db: RapportDatabase): void {
  for (const [name, info] of Object.entries(COLLECTIONS)) {
    // One collection's instance at a time; its document type does not matter to the check.
    const instance = db.collections[name as CollectionName].storageInstance as RxStorageInstance<
      unknown,
      unknown,
      unknown
    >;
    const write = instance.bulkWrite.bind(instance);
    instance.bulkWrite = (rows, context) => {
      // The replication's own writes run in whatever area's change woke it; RxDB names them.
      const writer = isReplicationWrite(context) ? 'replication' : currentArea();
      const allowed = writer === info.owner || (writer === 'replication' && info.synced);
      if (!allowed) return Promise.reject(new OwnershipViolation(name, writer));
      return write(rows, context);
    };
  }
}

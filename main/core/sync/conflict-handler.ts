import type { RxConflictHandler, WithDeleted } from 'rxdb';
import { deepEqual } from 'rxdb/plugins/utils';
import type { Doc, MergePolicy } from '../../../shared/domain/sync/merge.ts';
import { resolveConflict } from '../../../shared/domain/sync/resolve.ts';

/**
 * RxDB's conflict handler for one collection, from its merge policy (shared/domain/sync/policies.ts).
 * Set it when the collection is created: `addCollections({ contacts: { schema, conflictHandler } })`.
 *
 * `isEqual` compares whole documents, `_deleted` included: comparing only some fields made rxdb
 * treat a deleted document as equal to the live one, so deletes were never pushed.
 */
export function createSyncConflictHandler<T>(policy: MergePolicy): RxConflictHandler<T> {
  const handler: RxConflictHandler<T> = {
    isEqual: (a, b) => deepEqual(a, b),
    async resolve(input) {
      const resolved = resolveConflict(policy, {
        ...(input.assumedMasterState ? { base: input.assumedMasterState as Doc } : {}),
        local: input.newDocumentState as Doc,
        remote: input.realMasterState as Doc,
      });
      return resolved as WithDeleted<T>;
    },
  };
  made.add(handler);
  return handler;
}

/** Handlers made here, so a replication can refuse a collection created without one. */
const made = new WeakSet<object>();

export function isSyncHandler(handler: unknown): boolean {
  return typeof handler === 'object' && handler !== null && made.has(handler);
}

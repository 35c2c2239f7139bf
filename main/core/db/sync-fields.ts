import type { SyncConflict } from '../../../shared/domain/sync/conflict-record.ts';

/**
 * What sync keeps on every synced document (docs/sync.md, "Conflict rules"): the values a merge
 * set aside, and when each field was last edited on any device. Both are written by
 * sync/edit-stamps.ts and the conflict handlers; a service only removes a set-aside value when
 * the user settles it (people's `settleSetAside`).
 */
export type SyncFields = {
  conflicts?: SyncConflict[];
  /** Field name → ISO instant of its last edit. */
  editedAt?: Record<string, string>;
};

export const syncFieldsSchema = {
  conflicts: { type: 'array' },
  editedAt: { type: 'object' },
} as const;

/** The migration of a schema version that only added the optional sync fields. */
export const addedSyncFields = (doc: Record<string, unknown>): Record<string, unknown> => doc;

import type { MigrationStrategies, RxJsonSchema } from 'rxdb';

/**
 * What a destructive action removed, kept so it can be undone (and restored later from
 * "Recently deleted"). `payload` holds the removed documents per collection.
 */
export type TrashDocument = { id: string; label: string; deletedAt: string; payload: Record<string, unknown[]> };

export const trashSchema: RxJsonSchema<TrashDocument> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    label: { type: 'string' },
    deletedAt: { type: 'string', maxLength: 40 },
    payload: { type: 'object' },
  },
  required: ['id', 'label', 'deletedAt', 'payload'],
  indexes: ['deletedAt'],
};
export const trashMigrations: MigrationStrategies = {};

import type { MigrationStrategies, RxJsonSchema } from 'rxdb';

/** One document per settings area (`id` = area); `value` is validated by zod in the settings service. */
export type SettingsDocument = { id: string; value: Record<string, unknown>; updatedAt: string };

export const settingsSchema: RxJsonSchema<SettingsDocument> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    value: { type: 'object' },
    updatedAt: { type: 'string' },
  },
  required: ['id', 'value', 'updatedAt'],
};
export const settingsMigrations: MigrationStrategies = {};

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

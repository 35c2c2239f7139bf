import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { addedSyncFields, syncFieldsSchema } from '../db/sync-fields.ts';

/** One document per settings key (`id` = key); `value` is validated by zod on every read. */
/** `editedAt` is sync's per-field edit record (db/sync-fields.ts); settings set nothing aside. */
export type SettingsDocument = {
  id: string;
  value: Record<string, unknown>;
  updatedAt: string;
  editedAt?: Record<string, string>;
};

export const settingsSchema: RxJsonSchema<SettingsDocument> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    value: { type: 'object' },
    updatedAt: { type: 'string' },
    editedAt: syncFieldsSchema.editedAt,
  },
  required: ['id', 'value', 'updatedAt'],
};
export const settingsMigrations: MigrationStrategies = { 1: addedSyncFields };

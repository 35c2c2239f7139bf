import type { MigrationStrategies, RxJsonSchema } from 'rxdb';

/** One document per settings key (`id` = key); `value` is validated by zod on every read. */
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

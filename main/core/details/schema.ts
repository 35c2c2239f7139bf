import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import type { Detail } from '../../../shared/domain/detail.ts';
import { addedSyncFields, syncFieldsSchema, type SyncFields } from '../db/sync-fields.ts';

export type DetailDocument = Detail & SyncFields;

export const detailsSchema: RxJsonSchema<DetailDocument> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    contactId: { type: 'string', maxLength: 64 },
    text: { type: 'string' },
    learnedOn: { type: 'string', maxLength: 10 },
    interactionId: { type: 'string' },
    followUpOn: { type: 'string' },
    sensitivity: { type: 'string' },
    status: { type: 'string', maxLength: 10 },
    resolvedOn: { type: 'string' },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    ...syncFieldsSchema,
  },
  required: ['id', 'contactId', 'text', 'learnedOn', 'sensitivity', 'status', 'createdAt', 'updatedAt'],
  indexes: [
    ['contactId', 'learnedOn'],
    ['status', 'learnedOn'],
  ],
};
export const detailsMigrations: MigrationStrategies = { 1: addedSyncFields };

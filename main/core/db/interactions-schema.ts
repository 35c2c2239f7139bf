import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import type { Interaction } from '../../../shared/domain/interaction.ts';

export type InteractionDocument = Interaction & {
  /** `YYYY-MM-DDTHH:mm` (time `24:00` when none, so untimed entries sort last in their day) + id. */
  sortKey: string;
};

export const interactionsSchema: RxJsonSchema<InteractionDocument> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    type: { type: 'string', maxLength: 20 },
    date: { type: 'string', maxLength: 10 },
    time: { type: 'string' },
    contactIds: { type: 'array', items: { type: 'string' } },
    initiatedBy: { type: 'string' },
    title: { type: 'string' },
    notes: { type: 'string' },
    gave: { type: 'array', items: { type: 'string' } },
    asked: { type: 'array', items: { type: 'string' } },
    mutual: { type: 'boolean' },
    eventId: { type: 'string' },
    sortKey: { type: 'string', maxLength: 100 },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
  required: ['id', 'type', 'date', 'contactIds', 'sortKey', 'createdAt', 'updatedAt'],
  indexes: ['sortKey', ['type', 'sortKey']],
};
export const interactionsMigrations: MigrationStrategies = {};

/**
 * One row per person in an interaction. RxDB cannot index array members, so a person's timeline
 * ("newest 50 with Sam") is a range scan over this collection's [contactId, sortKey] index.
 */
export type ParticipationDocument = { id: string; interactionId: string; contactId: string; sortKey: string };

export const participationsSchema: RxJsonSchema<ParticipationDocument> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 140 },
    interactionId: { type: 'string', maxLength: 64 },
    contactId: { type: 'string', maxLength: 64 },
    sortKey: { type: 'string', maxLength: 100 },
  },
  required: ['id', 'interactionId', 'contactId', 'sortKey'],
  indexes: [['contactId', 'sortKey'], 'interactionId'],
};
export const participationsMigrations: MigrationStrategies = {};

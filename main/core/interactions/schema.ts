import type { MigrationStrategies, RxDocumentData, RxJsonSchema } from 'rxdb';
import type { Interaction } from '../../../shared/domain/interaction.ts';
import { addedSyncFields, syncFieldsSchema, type SyncFields } from '../db/sync-fields.ts';

export type InteractionDocument = Interaction &
  SyncFields & {
    /**
     * `YYYY-MM-DDTHH:mm` (time `24:00` when none, so untimed entries sort last in their day) + id.
     * A pure function of `date`, `time` and `id` (sort-key.ts), stored because the global timeline
     * is a range scan over it; every device computes the same value.
     */
    sortKey: string;
  };

export const interactionsSchema: RxJsonSchema<InteractionDocument> = {
  version: 1,
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
    ...syncFieldsSchema,
  },
  required: ['id', 'type', 'date', 'contactIds', 'sortKey', 'createdAt', 'updatedAt'],
  indexes: ['sortKey', ['type', 'sortKey']],
};
export const interactionsMigrations: MigrationStrategies = { 1: addedSyncFields };

/** The domain record of a stored interaction (without the storage-only sort key). */
export const toInteraction = (doc: InteractionDocument): Interaction => {
  const { sortKey: _sortKey, conflicts: _conflicts, editedAt: _editedAt, ...interaction } = doc;
  return interaction;
};

/**
 * The same from a document as stored, meta fields and all (an RxDocument's `_data`), in one copy.
 * RxDB's `toJSON` deletes the meta fields from its copy, which leaves a slow dictionary-mode
 * object that every later read pays for: the view and the IPC output check of a timeline page.
 * Shallow, as `toJSON` was: its arrays are RxDB's cached ones, so callers must not change them.
 */
export const storedToInteraction = (doc: RxDocumentData<InteractionDocument>): Interaction => {
  const {
    _rev,
    _attachments,
    _deleted,
    _meta,
    sortKey: _sortKey,
    conflicts: _conflicts,
    editedAt: _editedAt,
    ...interaction
  } = doc;
  return interaction;
};

import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import type { Contact } from '../../../shared/domain/contact.ts';
import { addedSyncFields, syncFieldsSchema, type SyncFields } from '../db/sync-fields.ts';

/**
 * A person as stored: exactly the domain record, source data only. What follows from it (the
 * sort name, the last interaction) lives in the derived `people_index` (projection/schema.ts).
 */
export type ContactDocument = Contact & SyncFields;

/**
 * Nested values are typed loosely here on purpose: zod validates them at the service boundary,
 * and a looser storage schema lets the domain grow optional fields without a data migration.
 */
export const contactsSchema: RxJsonSchema<ContactDocument> = {
  version: 3,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    displayName: { type: 'string' },
    givenName: { type: 'string' },
    familyName: { type: 'string' },
    nickname: { type: 'string' },
    photo: { type: 'object' },
    emails: { type: 'array' },
    phones: { type: 'array' },
    addresses: { type: 'array' },
    organisation: { type: 'string' },
    role: { type: 'string' },
    location: { type: 'string' },
    howWeMet: { type: 'string' },
    metAtEventId: { type: 'string' },
    social: { type: 'array' },
    tags: { type: 'array', items: { type: 'string' } },
    birthday: { type: 'object' },
    lookingFor: { type: 'string' },
    canHelpWith: { type: 'string' },
    notes: { type: 'string' },
    tier: { type: 'string' },
    cadence: { type: 'object' },
    archived: { type: 'boolean' },
    extensions: { type: 'array' },
    relationships: { type: 'array' },
    createdAt: { type: 'string', maxLength: 40 },
    updatedAt: { type: 'string', maxLength: 40 },
    ...syncFieldsSchema,
  },
  required: ['id', 'displayName', 'archived', 'createdAt', 'updatedAt'],
  indexes: ['updatedAt'],
};

/** Append-only: add `n: (doc) => doc` for version n and a test for it; never edit a shipped one. */
export const contactsMigrations: MigrationStrategies = {
  /** v1: the derived `sortName` and `lastInteractionOn` moved to `people_index`, rebuilt by the projector. */
  1: (doc: Record<string, unknown>) => {
    const { sortName: _sortName, lastInteractionOn: _last, ...source } = doc;
    return source;
  },
  2: addedSyncFields,
  /** v3: the optional `relationships` list (network); existing people have none. */
  3: (doc: Record<string, unknown>) => doc,
};

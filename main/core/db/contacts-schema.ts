import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import type { Contact } from '../../../shared/domain/contact.ts';

/** A contact as stored: the domain fields plus what the database needs for ordering and status. */
export type ContactDocument = Contact & {
  /** Lower-cased display name, so the list sorts the way people read it. */
  sortName: string;
  /** The day of the newest interaction with this person; kept by the interactions service. */
  lastInteractionOn?: string;
};

/**
 * Nested values are typed loosely here on purpose: zod validates them at the service boundary,
 * and a looser storage schema lets the domain grow optional fields without a data migration.
 */
export const contactsSchema: RxJsonSchema<ContactDocument> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    displayName: { type: 'string' },
    sortName: { type: 'string', maxLength: 200 },
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
    lastInteractionOn: { type: 'string' },
    createdAt: { type: 'string', maxLength: 40 },
    updatedAt: { type: 'string', maxLength: 40 },
  },
  required: ['id', 'displayName', 'sortName', 'archived', 'createdAt', 'updatedAt'],
  indexes: ['sortName', 'updatedAt'],
};

/** Append-only: add `n: (doc) => doc` for version n and a test for it; never edit a shipped one. */
export const contactsMigrations: MigrationStrategies = {};

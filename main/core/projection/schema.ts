/**
 * The derived collections. They hold nothing a user typed: the projector (projector.ts) writes
 * them from the source collections, a rebuild recreates them exactly, and they never leave this
 * device (sync replicates source collections only).
 */
import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import type { Cadence } from '../../../shared/domain/cadence.ts';
import type { Birthday, Tier } from '../../../shared/domain/contact.ts';

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

/**
 * What lists and keep-in-touch rules need about a person, in one row per person: the People list
 * and Today read only this. `sortName` and `lastInteractionOn` are the derived values; the rest
 * are copies of the person's source fields, so those readers never join.
 */
export type PersonIndexDocument = {
  id: string;
  displayName: string;
  givenName?: string;
  /** Lower-cased display name, so the list sorts the way people read it. */
  sortName: string;
  organisation?: string;
  role?: string;
  tags: string[];
  tier?: Tier;
  cadence?: Cadence;
  birthday?: Birthday;
  archived: boolean;
  /** The day the person was added (`createdAt`'s date). */
  addedOn: string;
  /** The day of the newest interaction with this person, '' when there is none (indexed fields are required). */
  lastInteractionOn: string;
};

export const peopleIndexSchema: RxJsonSchema<PersonIndexDocument> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    displayName: { type: 'string' },
    givenName: { type: 'string' },
    sortName: { type: 'string', maxLength: 200 },
    organisation: { type: 'string' },
    role: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    tier: { type: 'string' },
    cadence: { type: 'object' },
    birthday: { type: 'object' },
    archived: { type: 'boolean' },
    addedOn: { type: 'string', maxLength: 10 },
    lastInteractionOn: { type: 'string', maxLength: 10 },
  },
  required: ['id', 'displayName', 'sortName', 'tags', 'archived', 'addedOn', 'lastInteractionOn'],
  indexes: ['sortName', ['archived', 'sortName'], 'lastInteractionOn'],
};
export const peopleIndexMigrations: MigrationStrategies = {};

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
 * An open detail with a follow-up day, one row per detail, so Today reads the follow-ups that
 * wait for an answer by an index range instead of every detail. Keyed by the detail, so a detail
 * that moves to another person (a merge) is rewritten in place, not left under the old one.
 * It carries what Today needs of the person (their name, and whether they are still to be
 * reminded), so Today reads no person for it: at 50,000 people that read was most of its time.
 */
export type FollowUpDocument = {
  id: string;
  contactId: string;
  followUpOn: string;
  /**
   * The person is here and not archived, and no interaction with them on or after `followUpOn`
   * answered it yet (the scheduler's rule for "answered").
   */
  waiting: boolean;
  /** The person's name, '' when the person is gone. */
  displayName: string;
};

export const followUpsSchema: RxJsonSchema<FollowUpDocument> = {
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    contactId: { type: 'string', maxLength: 64 },
    followUpOn: { type: 'string', maxLength: 10 },
    waiting: { type: 'boolean' },
    displayName: { type: 'string' },
  },
  required: ['id', 'contactId', 'followUpOn', 'waiting', 'displayName'],
  indexes: [
    ['contactId', 'followUpOn'],
    ['waiting', 'followUpOn'],
  ],
};
/**
 * Version 1 added `waiting`, version 2 `displayName` (and `waiting` counts archived people out);
 * rows are dropped and rebuilt (PROJECTION_VERSION 3 and 4).
 */
export const followUpsMigrations: MigrationStrategies = { 1: () => null, 2: () => null };

/**
 * One row per person met at a conference or meet-up (one per participation of such an
 * interaction), with what the event follow-up needs: when they met, and whether the person still
 * waits for it. Today reads the waiting ones by an index range and no person for them: a
 * conference can name a thousand people. Keyed like the participation.
 */
export type MeetingDocument = {
  id: string;
  interactionId: string;
  contactId: string;
  type: 'conference' | 'meet-up';
  date: string;
  /** Local `HH:mm`, when logged. */
  time?: string;
  /**
   * The person is here and not archived, and no interaction with them on a later day answered the
   * meeting yet (`awaitsFollowUp`; a skip is the reminders' own state and is applied when read).
   */
  waiting: boolean;
  /** The person's name, '' when the person is gone. */
  displayName: string;
};

export const meetingsSchema: RxJsonSchema<MeetingDocument> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 140 },
    interactionId: { type: 'string', maxLength: 64 },
    contactId: { type: 'string', maxLength: 64 },
    type: { type: 'string', maxLength: 16 },
    date: { type: 'string', maxLength: 10 },
    time: { type: 'string' },
    waiting: { type: 'boolean' },
    displayName: { type: 'string' },
  },
  required: ['id', 'interactionId', 'contactId', 'type', 'date', 'waiting', 'displayName'],
  indexes: ['contactId', 'interactionId', ['waiting', 'date']],
};
export const meetingsMigrations: MigrationStrategies = {};

/** `rhythm` of a person whose own cadence overrides their tier's. */
export const OWN_RHYTHM = 'own';

/**
 * What lists and keep-in-touch rules need about a person, in one row per person: the People list
 * and Today read only this. `sortName`, `lastInteractionOn` and the keep-in-touch keys below are
 * the derived values; the rest are copies of the person's source fields, so those readers never join.
 *
 * The keep-in-touch keys let Today read only the people who can be on it (reminders/candidates.ts)
 * instead of everyone. None depends on settings, so editing a tier's rhythm rewrites no row.
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
  /** Whose rhythm applies: the tier's name, `own` (their own cadence) or '' (not tracked). */
  rhythm: string;
  /** The day their keep-in-touch clock started: `lastInteractionOn`, else `addedOn`. */
  clockFrom: string;
  /** `MM-DD` of their birthday, '' without one. */
  birthdayOn: string;
};

export const peopleIndexSchema: RxJsonSchema<PersonIndexDocument> = {
  version: 2,
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
    rhythm: { type: 'string', maxLength: 10 },
    clockFrom: { type: 'string', maxLength: 10 },
    birthdayOn: { type: 'string', maxLength: 5 },
  },
  required: [
    'id',
    'displayName',
    'sortName',
    'tags',
    'archived',
    'addedOn',
    'lastInteractionOn',
    'rhythm',
    'clockFrom',
    'birthdayOn',
  ],
  indexes: [
    'sortName',
    ['archived', 'sortName'],
    'lastInteractionOn',
    ['archived', 'rhythm', 'clockFrom'],
    ['archived', 'birthdayOn'],
  ],
};
/** Versions 1 and 2 added the keep-in-touch keys; rows are dropped and rebuilt (PROJECTION_VERSION 3). */
export const peopleIndexMigrations: MigrationStrategies = { 1: () => null, 2: () => null };

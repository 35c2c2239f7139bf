/**
 * Every collection of the database, who owns it, and whether it is source or derived data.
 * This table is the record: the database opens these, the ownership guard checks writes against
 * `owner`, archives hold only `source` collections, sync replicates only `synced` ones, and
 * `derived` ones commit without waiting for the disk (storage/connection.ts, `withRelaxedCommits`).
 *
 * The free RxDB build allows 13 open collections per process; there are 12.
 */
import type { RxCollection } from 'rxdb';
import type { AreaName } from '../area.ts';
import { detailsMigrations, detailsSchema, type DetailDocument } from '../details/schema.ts';
import { eventsMigrations, eventsSchema, type EventDocument } from '../events/schema.ts';
import { interactionsMigrations, interactionsSchema, type InteractionDocument } from '../interactions/schema.ts';
import { contactsMigrations, contactsSchema, type ContactDocument } from '../people/schema.ts';
import {
  laddersMigrations,
  laddersSchema,
  sessionsMigrations,
  sessionsSchema,
  userStartersMigrations,
  userStartersSchema,
  type LadderDocument,
  type SessionDocument,
  type UserStarterDocument,
} from '../practice/collections.ts';
import {
  followUpsMigrations,
  followUpsSchema,
  meetingsMigrations,
  meetingsSchema,
  participationsMigrations,
  participationsSchema,
  peopleIndexMigrations,
  peopleIndexSchema,
  type FollowUpDocument,
  type MeetingDocument,
  type ParticipationDocument,
  type PersonIndexDocument,
} from '../projection/schema.ts';
import { settingsMigrations, settingsSchema, type SettingsDocument } from '../settings/schema.ts';
import { trashMigrations, trashSchema, type TrashDocument } from '../trash/schema.ts';

export type RapportCollections = {
  contacts: RxCollection<ContactDocument>;
  interactions: RxCollection<InteractionDocument>;
  details: RxCollection<DetailDocument>;
  settings: RxCollection<SettingsDocument>;
  trash: RxCollection<TrashDocument>;
  practice_ladders: RxCollection<LadderDocument>;
  practice_sessions: RxCollection<SessionDocument>;
  user_starters: RxCollection<UserStarterDocument>;
  events: RxCollection<EventDocument>;
  participations: RxCollection<ParticipationDocument>;
  people_index: RxCollection<PersonIndexDocument>;
  follow_ups: RxCollection<FollowUpDocument>;
  meetings: RxCollection<MeetingDocument>;
};
export type CollectionName = keyof RapportCollections;

export interface CollectionInfo {
  owner: AreaName;
  /** Source data is what people typed or imported; derived data follows from it and is rebuilt. */
  kind: 'source' | 'derived';
  /** Replicated between the user's devices (source collections that are not device-local). */
  synced: boolean;
  /** One of its documents in the user's words, for messages: "a fear ladder". */
  one: string;
}

/** "A fear ladder": a collection's `one`, to start a sentence (a message names no collection). */
export const oneOf = (name: string): string => {
  const one = (COLLECTIONS as Partial<Record<string, CollectionInfo>>)[name]?.one ?? 'an item';
  return one.charAt(0).toUpperCase() + one.slice(1);
};

export const COLLECTIONS: Record<CollectionName, CollectionInfo> = {
  contacts: { owner: 'people', kind: 'source', synced: true, one: 'a person' },
  interactions: { owner: 'interactions', kind: 'source', synced: true, one: 'a timeline entry' },
  details: { owner: 'details', kind: 'source', synced: true, one: 'a remembered detail' },
  settings: { owner: 'settings', kind: 'source', synced: true, one: 'a setting' },
  /** The undo log of this device: what its destructive actions removed. */
  trash: { owner: 'trash', kind: 'source', synced: false, one: 'something kept to undo' },
  practice_ladders: { owner: 'practice', kind: 'source', synced: true, one: 'a fear ladder' },
  practice_sessions: { owner: 'practice', kind: 'source', synced: true, one: 'a practice' },
  user_starters: { owner: 'starters', kind: 'source', synced: true, one: 'a starter of your own' },
  events: { owner: 'events', kind: 'source', synced: true, one: 'an event' },
  participations: { owner: 'projection', kind: 'derived', synced: false, one: 'a timeline link' },
  people_index: { owner: 'projection', kind: 'derived', synced: false, one: 'a People list row' },
  follow_ups: { owner: 'projection', kind: 'derived', synced: false, one: 'a follow-up row' },
  meetings: { owner: 'projection', kind: 'derived', synced: false, one: 'an event follow-up row' },
};

/** Schemas and append-only migrations, as RxDB's `addCollections` takes them. */
export const COLLECTION_SCHEMAS = {
  contacts: { schema: contactsSchema, migrationStrategies: contactsMigrations },
  interactions: { schema: interactionsSchema, migrationStrategies: interactionsMigrations },
  details: { schema: detailsSchema, migrationStrategies: detailsMigrations },
  settings: { schema: settingsSchema, migrationStrategies: settingsMigrations },
  trash: { schema: trashSchema, migrationStrategies: trashMigrations },
  practice_ladders: { schema: laddersSchema, migrationStrategies: laddersMigrations },
  practice_sessions: { schema: sessionsSchema, migrationStrategies: sessionsMigrations },
  user_starters: { schema: userStartersSchema, migrationStrategies: userStartersMigrations },
  events: { schema: eventsSchema, migrationStrategies: eventsMigrations },
  participations: { schema: participationsSchema, migrationStrategies: participationsMigrations },
  people_index: { schema: peopleIndexSchema, migrationStrategies: peopleIndexMigrations },
  follow_ups: { schema: followUpsSchema, migrationStrategies: followUpsMigrations },
  meetings: { schema: meetingsSchema, migrationStrategies: meetingsMigrations },
} as const;

export const sourceCollections = (Object.keys(COLLECTIONS) as CollectionName[]).filter(
  (name) => COLLECTIONS[name].kind === 'source',
);
export const derivedCollections = (Object.keys(COLLECTIONS) as CollectionName[]).filter(
  (name) => COLLECTIONS[name].kind === 'derived',
);

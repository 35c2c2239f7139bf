import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { contactsMigrations, contactsSchema, type ContactDocument } from './contacts-schema.ts';
import { detailsMigrations, detailsSchema, type DetailDocument } from './details-schema.ts';
import {
  interactionsMigrations,
  interactionsSchema,
  participationsMigrations,
  participationsSchema,
  type InteractionDocument,
  type ParticipationDocument,
} from './interactions-schema.ts';
import {
  settingsMigrations,
  settingsSchema,
  trashMigrations,
  trashSchema,
  type SettingsDocument,
  type TrashDocument,
} from './settings-schema.ts';
import { practiceCollections, type PracticeCollections } from '../practice/collections.ts';
import type { StorageChoice } from './storage.ts';

addRxPlugin(RxDBMigrationSchemaPlugin);

export type RapportCollections = PracticeCollections & {
  contacts: RxCollection<ContactDocument>;
  interactions: RxCollection<InteractionDocument>;
  participations: RxCollection<ParticipationDocument>;
  details: RxCollection<DetailDocument>;
  settings: RxCollection<SettingsDocument>;
  trash: RxCollection<TrashDocument>;
};
export type RapportDatabase = RxDatabase<RapportCollections>;

/**
 * Opens (or creates) the database and runs pending schema migrations before returning.
 * The free RxDB build allows 13 open collections per process; keep the list well under that.
 */
export async function openDatabase(storage: StorageChoice): Promise<RapportDatabase> {
  const db = await createRxDatabase<RapportCollections>({
    name: storage.databaseName,
    storage: storage.storage,
    multiInstance: false,
    eventReduce: true,
    closeDuplicates: true,
  });
  await db.addCollections({
    contacts: { schema: contactsSchema, migrationStrategies: contactsMigrations },
    interactions: { schema: interactionsSchema, migrationStrategies: interactionsMigrations },
    participations: { schema: participationsSchema, migrationStrategies: participationsMigrations },
    details: { schema: detailsSchema, migrationStrategies: detailsMigrations },
    settings: { schema: settingsSchema, migrationStrategies: settingsMigrations },
    trash: { schema: trashSchema, migrationStrategies: trashMigrations },
    ...practiceCollections,
  });
  return db;
}

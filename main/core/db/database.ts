import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import type { StorageChoice } from './storage.ts';
import { contactsMigrations, contactsSchema, type ContactDocument } from './contacts-schema.ts';

addRxPlugin(RxDBMigrationSchemaPlugin);

export type RapportCollections = {
  contacts: RxCollection<ContactDocument>;
};
export type RapportDatabase = RxDatabase<RapportCollections>;

/** Opens (or creates) the database and runs pending schema migrations before returning. */
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
  });
  return db;
}

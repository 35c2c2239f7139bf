import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageSqlite } from './index.ts';
import { makeTempDir } from './test-helpers.ts';

addRxPlugin(RxDBMigrationSchemaPlugin);

type ContactV0 = { id: string; fullName: string; year: number };
type ContactV1 = { id: string; firstName: string; lastName: string; birthYear: number };

const schemaV0: RxJsonSchema<ContactV0> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 20 },
    fullName: { type: 'string', maxLength: 60 },
    year: { type: 'integer', minimum: 1000, maximum: 2100, multipleOf: 1 },
  },
  required: ['id', 'fullName', 'year'],
  indexes: ['fullName'],
};

const schemaV1: RxJsonSchema<ContactV1> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 20 },
    firstName: { type: 'string', maxLength: 30 },
    lastName: { type: 'string', maxLength: 30 },
    birthYear: { type: 'integer', minimum: 1000, maximum: 2100, multipleOf: 1 },
  },
  required: ['id', 'firstName', 'lastName', 'birthYear'],
  indexes: ['lastName', 'birthYear'],
};

describe('RxDB schema migration on the SQLite storage', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.dispose());

  it('migrates documents written by a v0 database file to schema v1 after reopening', async () => {
    const v0db = await createRxDatabase({
      name: 'crm',
      storage: getRxStorageSqlite({ databaseDirectory: temp.dir }),
      multiInstance: false,
    });
    const { contacts } = await v0db.addCollections({ contacts: { schema: schemaV0 } });
    await contacts!.bulkInsert([
      { id: 'c1', fullName: 'Ada Lovelace', year: 1815 },
      { id: 'c2', fullName: 'Émile Zola', year: 1840 },
      { id: 'c3', fullName: 'Grace Hopper', year: 1906 },
    ]);
    await contacts!.findOne('c3').remove();
    await v0db.close();
    expect(existsSync(path.join(temp.dir, 'crm.sqlite'))).toBe(true);

    const v1db = await createRxDatabase({
      name: 'crm',
      storage: getRxStorageSqlite({ databaseDirectory: temp.dir }),
      multiInstance: false,
    });
    const migrated = await v1db.addCollections({
      contacts: {
        schema: schemaV1,
        migrationStrategies: {
          1: (old: ContactV0): ContactV1 => {
            const [firstName = '', ...rest] = old.fullName.split(' ');
            return { id: old.id, firstName, lastName: rest.join(' '), birthYear: old.year };
          },
        },
      },
    });
    const docs = await migrated.contacts!.find({ sort: [{ lastName: 'asc' }] }).exec();
    expect(docs.map((d) => d.toJSON())).toEqual([
      { id: 'c1', firstName: 'Ada', lastName: 'Lovelace', birthYear: 1815 },
      { id: 'c2', firstName: 'Émile', lastName: 'Zola', birthYear: 1840 },
    ]);
    // The new indexes are usable for range queries on migrated data.
    expect(await migrated.contacts!.count({ selector: { birthYear: { $gt: 1820 } } }).exec()).toBe(1);
    await v1db.close();

    // A third open does not migrate again and still sees the v1 data.
    const again = await createRxDatabase({
      name: 'crm',
      storage: getRxStorageSqlite({ databaseDirectory: temp.dir }),
      multiInstance: false,
    });
    const reopened = await again.addCollections({
      contacts: { schema: schemaV1, migrationStrategies: { 1: () => null } },
    });
    expect(await reopened.contacts!.count().exec()).toBe(2);
    await again.close();
  });
});

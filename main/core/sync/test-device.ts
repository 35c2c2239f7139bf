/**
 * Test helper: a "device" is an RxDB database on our SQLite storage in its own folder, with one
 * collection shaped like contacts (plus the `conflicts` and `editedAt` fields sync needs).
 * Not a test file itself.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { addRxPlugin } from 'rxdb';
import type { ContactDocument } from '../people/schema.ts';
import { contactsSchema } from '../people/schema.ts';
import { interactionsSchema, type InteractionDocument } from '../interactions/schema.ts';
import { peoplePolicy } from '../../../shared/domain/sync/policies.ts';
import type { SyncConflict } from '../../../shared/domain/sync/conflict-record.ts';
import { stampFieldEdits } from '../../../shared/domain/sync/field-edits.ts';
import { getRxStorageSqlite } from '../storage/index.ts';
import { createSyncConflictHandler } from './conflict-handler.ts';
import { syncConflictHandlers } from './handlers.ts';

addRxPlugin(RxDBMigrationSchemaPlugin);

export type SyncedPerson = ContactDocument & {
  conflicts?: SyncConflict[];
  editedAt?: Record<string, string>;
  /** Only in schema version 1: a field an older device can't represent. */
  pronouns?: string;
};

export function peopleSchema(version: 0 | 1): RxJsonSchema<SyncedPerson> {
  const properties: Record<string, unknown> = {
    ...contactsSchema.properties,
    conflicts: { type: 'array' },
    editedAt: { type: 'object' },
  };
  if (version === 1) properties.pronouns = { type: 'string' };
  return { ...contactsSchema, version, properties } as RxJsonSchema<SyncedPerson>;
}

export type SyncedInteraction = InteractionDocument & { conflicts?: SyncConflict[]; editedAt?: Record<string, string> };

const syncedInteractionsSchema = {
  ...interactionsSchema,
  properties: { ...interactionsSchema.properties, conflicts: { type: 'array' }, editedAt: { type: 'object' } },
} as RxJsonSchema<SyncedInteraction>;

export interface TestDevice {
  name: string;
  db: RxDatabase;
  people: RxCollection<SyncedPerson>;
  /** Present when opened with `withInteractions`. */
  interactions?: RxCollection<SyncedInteraction>;
  close(): Promise<void>;
}

export async function openTestDevice(
  dir: string,
  options: { schemaVersion?: 0 | 1; withInteractions?: boolean } = {},
): Promise<TestDevice> {
  const version = options.schemaVersion ?? 0;
  // RxDB closes an open database of the same name, so each folder gets its own, stable name.
  const name = `device-${createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 12)}`;
  const db = await createRxDatabase({
    name,
    storage: getRxStorageSqlite({ databaseDirectory: dir }),
    multiInstance: false,
    closeDuplicates: true,
  });
  const collections = await db.addCollections({
    people: {
      schema: peopleSchema(version),
      migrationStrategies: version === 1 ? { 1: (doc: SyncedPerson) => doc } : {},
      conflictHandler: createSyncConflictHandler<SyncedPerson>(peoplePolicy),
    },
    ...(options.withInteractions
      ? {
          interactions: {
            schema: syncedInteractionsSchema,
            conflictHandler: syncConflictHandlers.interactions,
          },
        }
      : {}),
  });
  return {
    name,
    db,
    people: collections.people as RxCollection<SyncedPerson>,
    ...(collections.interactions ? { interactions: collections.interactions as RxCollection<SyncedInteraction> } : {}),
    close: () => db.close().then(() => undefined),
  };
}

let clock = Date.parse('2026-03-01T09:00:00.000Z');

/** Strictly increasing instants, so "newest edit" is well defined within a test. */
export function tick(): string {
  clock += 1000;
  return new Date(clock).toISOString();
}

export function newPerson(id: string, fields: Partial<SyncedPerson> = {}): SyncedPerson {
  const at = tick();
  const displayName = fields.displayName ?? `Person ${id}`;
  return {
    id,
    displayName,
    emails: [],
    phones: [],
    addresses: [],
    social: [],
    tags: [],
    extensions: [],
    archived: false,
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}

/** Edits a person the way a service should: stamps the changed fields and `updatedAt`. */
export async function editPerson(device: TestDevice, id: string, changes: Partial<SyncedPerson>): Promise<void> {
  const doc = await device.people.findOne(id).exec();
  if (!doc) throw new Error(`${device.name} has no person ${id}`);
  const now = tick();
  await doc.incrementalModify((current) => {
    const next = { ...current, ...changes, updatedAt: now };
    return stampFieldEdits(current, next, now) as typeof current;
  });
}

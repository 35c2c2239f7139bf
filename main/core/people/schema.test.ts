/**
 * contacts v0 → v1: a data folder written by the previous version (people with the derived
 * `sortName` and `lastInteractionOn` inside their records, timelines in `participations`) opens
 * with those fields gone from the records and rebuilt in `people_index`.
 */
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { createStorage } from '../db/storage.ts';
import { interactionsSchema } from '../interactions/schema.ts';
import { participationsSchema } from '../projection/schema.ts';
import { openTestCore, testDir } from '../testing/test-core.ts';
import { contactsSchema } from './schema.ts';

/** The v0 schema as it shipped (before Core v2). */
const contactsV0 = {
  ...contactsSchema,
  version: 0,
  properties: {
    ...contactsSchema.properties,
    sortName: { type: 'string', maxLength: 200 },
    lastInteractionOn: { type: 'string' },
  },
  required: ['id', 'displayName', 'sortName', 'archived', 'createdAt', 'updatedAt'],
  indexes: ['sortName', 'updatedAt'],
} as RxJsonSchema<Record<string, unknown>>;

const stamp = '2026-01-05T09:00:00.000Z';
const person = (id: string, displayName: string, lastInteractionOn?: string) => ({
  id,
  displayName,
  sortName: displayName.toLowerCase(),
  ...(lastInteractionOn ? { lastInteractionOn } : {}),
  emails: [],
  phones: [],
  addresses: [],
  social: [],
  tags: ['old'],
  archived: false,
  extensions: [],
  createdAt: stamp,
  updatedAt: stamp,
});

describe('contacts schema v1', () => {
  it('migrates people written by v0 and rebuilds their derived values in people_index', async () => {
    const dir = testDir();
    const v0 = await createRxDatabase({ name: 'rapport', storage: createStorage(dir).storage, multiInstance: false });
    await v0.addCollections({
      contacts: { schema: contactsV0 },
      interactions: { schema: interactionsSchema },
      participations: { schema: participationsSchema },
    });
    const { contacts, interactions } = v0.collections;
    await contacts!.bulkInsert([person('ada', 'Ada Lovelace', '2025-12-01'), person('sam', 'Sam Okafor')]);
    await interactions!.insert({
      id: 'i1',
      type: 'coffee',
      date: '2026-01-02',
      contactIds: ['ada'],
      gave: [],
      asked: [],
      mutual: false,
      sortKey: '2026-01-02T24:00 i1',
      createdAt: stamp,
      updatedAt: stamp,
    });
    await v0.close();

    const t = await openTestCore({ dir });
    const ada = await t.call('contacts.get', { id: 'ada' });
    expect(ada).toMatchObject({ displayName: 'Ada Lovelace', tags: ['old'] });
    const stored = (await t.core.db.contacts.findOne('ada').exec())!.toMutableJSON() as Record<string, unknown>;
    expect(stored).not.toHaveProperty('sortName');
    expect(stored).not.toHaveProperty('lastInteractionOn');
    // The stale value stored by v0 (December) is replaced by what the interactions say (January).
    expect((await t.core.db.people_index.findOne('ada').exec())?.toMutableJSON()).toMatchObject({
      sortName: 'ada lovelace',
      lastInteractionOn: '2026-01-02',
    });
    expect((await t.next('contacts.watch', {})).map((p) => [p.displayName, p.lastInteractionOn])).toEqual([
      ['Ada Lovelace', '2026-01-02'],
      ['Sam Okafor', undefined],
    ]);
  });
});

describe('contacts schema v3', () => {
  it('opens people written by v2 unchanged, with no relationships until some are added', async () => {
    const dir = testDir();
    const v2 = await createRxDatabase({ name: 'rapport', storage: createStorage(dir).storage, multiInstance: false });
    const { relationships: _added, ...v2Properties } = contactsSchema.properties;
    await v2.addCollections({
      contacts: {
        schema: { ...contactsSchema, version: 2, properties: v2Properties } as RxJsonSchema<Record<string, unknown>>,
        migrationStrategies: { 1: (d: unknown) => d, 2: (d: unknown) => d },
      },
    });
    const { sortName: _s, ...ada } = person('ada', 'Ada Lovelace');
    const { sortName: _t, ...sam } = person('sam', 'Sam Okafor');
    await v2.collections.contacts!.bulkInsert([ada, sam]);
    await v2.close();

    const t = await openTestCore({ dir });
    const stored = await t.call('contacts.get', { id: 'ada' });
    expect(stored).toMatchObject({ displayName: 'Ada Lovelace', tags: ['old'] });
    expect(stored.relationships).toBeUndefined();
    await t.call('network.relate', { fromId: 'ada', toId: 'sam', kind: 'knows' });
    expect((await t.call('contacts.get', { id: 'sam' })).relationships).toEqual([{ contactId: 'ada', kind: 'knows' }]);
  });
});

import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { createStorage } from '../db/storage.ts';
import { openTestCore, testDir } from '../testing/test-core.ts';
import { userStartersMigrations } from './collections.ts';

/** `user_starters` exactly as Rapport's first version defined it (schema version 0). Never edit. */
const userStartersV0: RxJsonSchema<Record<string, unknown>> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 80 },
    text: { type: 'string' },
    situation: { type: 'string' },
    channel: { type: 'string' },
    tone: { type: 'string' },
    createdAt: { type: 'string', maxLength: 40 },
    updatedAt: { type: 'string' },
  },
  required: ['id', 'text', 'situation', 'channel', 'tone', 'createdAt', 'updatedAt'],
  indexes: ['createdAt'],
};

/** Documents as version 0's `starters.saveOwn` wrote them. */
const written = [
  ['own-a', 'Hi {firstName}, it has been {timeSince} since {event}. How is {detail}?'],
  ['own-b', 'Copied from the library: Hi [name], good to meet you at [event]!'],
  ['own-c', 'Last time you mentioned [something they mentioned]. It has been [a while]!'],
  ['own-d', 'Here is the [link] and a stray ] bracket'],
].map(([id, text], index) => ({
  id: id!,
  text: text!,
  situation: 'reconnect',
  channel: 'message',
  tone: 'warm',
  createdAt: `2026-01-0${index + 1}T09:00:00.000Z`,
  updatedAt: `2026-01-0${index + 1}T09:00:00.000Z`,
}));

const upgraded: Record<string, string> = {
  'own-a': 'Hi [name], it has been [how long] since [event]. How is [detail]?',
  'own-b': 'Copied from the library: Hi [name], good to meet you at [event]!',
  'own-c': 'Last time you mentioned [detail]. It has been [how long]!',
  'own-d': 'Here is the (link) and a stray ) bracket',
};

describe('user_starters migration 1: square-bracket placeholders', () => {
  async function writeVersion0(dir: string) {
    const storage = createStorage(dir);
    const db = await createRxDatabase({ name: storage.databaseName, storage: storage.storage, multiInstance: false });
    const { user_starters } = await db.addCollections({ user_starters: { schema: userStartersV0 } });
    await user_starters!.bulkInsert(written);
    await db.close();
  }

  it('rewrites the text of every starter a version 0 database holds, and keeps everything else', async () => {
    const dir = testDir('rapport-starters-v0-');
    await writeVersion0(dir);
    const t = await openTestCore({ dir });
    const mine = await t.next('starters.watchMine', {});
    expect(Object.fromEntries(mine.own.map((s) => [s.id, s.text]))).toEqual(upgraded);
    const before = new Map(written.map((w) => [w.id, w]));
    for (const doc of mine.own) {
      const { text: _text, ...rest } = before.get(doc.id as string)!;
      expect(doc).toMatchObject(rest);
    }
  });

  it('fills a migrated starter in suggestions for a person', async () => {
    const dir = testDir('rapport-starters-v0-');
    await writeVersion0(dir);
    const { call } = await openTestCore({ dir });
    const sam = await call('contacts.create', { displayName: 'Sam Okafor' });
    await call('details.add', { contactId: sam.id, text: 'the allotment', learnedOn: '2025-06-01' });
    await call('interactions.log', {
      interaction: { type: 'call', date: '2025-06-01', contactIds: [sam.id] },
      newPeople: [],
      details: [],
    });
    const out = await call('starters.suggestFor', { contactId: sam.id, limit: 20 });
    expect(out.find((s) => s.starterId === 'own-c')?.text).toBe(
      'Last time you mentioned the allotment. It has been about 9 months!',
    );
  });

  it('is a pure function of the old document', () => {
    const doc = written[0]!;
    const migrate = userStartersMigrations[1] as (old: typeof doc) => typeof doc;
    expect(migrate(doc)).toEqual({ ...doc, text: upgraded['own-a'] });
    expect(doc.text).toContain('{firstName}');
  });
});

/**
 * The settings store parses every read with zod (without its compiled fast path, settings-store.ts):
 * on a real database in a throwaway folder, what a read returns for valid, partly valid and
 * damaged documents.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inArea } from '../area.ts';
import { openTestCore, type TestCore } from '../testing/test-core.ts';
import { createSettingsStore, settingsKey } from './settings-store.ts';

const SAMPLE = settingsKey({
  id: 'settings-store-test',
  label: 'the test counter',
  schema: z.object({
    count: z.number().int().min(0),
    label: z.string().max(10).default('none'),
    mode: z.enum(['quiet', 'loud']).catch('quiet'),
    nested: z.object({ at: z.iso.datetime() }).optional(),
  }),
  fallback: { count: 0, label: 'none', mode: 'quiet' as const },
  scope: 'device',
});

/** The same value as kept in sync between devices. */
const SYNCED = { ...SAMPLE, scope: 'synced' as const };

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const writeRaw = (value: unknown) =>
  inArea('replication', () =>
    t!.core.db.settings.upsert({
      id: SAMPLE.id,
      value: value as Record<string, unknown>,
      updatedAt: '2026-03-18T12:00:00.000Z',
    }),
  );

async function storeWith(value: unknown) {
  t = await openTestCore();
  const store = createSettingsStore(t.core.db, t.clock);
  // Written as it might arrive from an older or newer version, or damaged: unchecked.
  await writeRaw(value);
  return store;
}

describe('settings store reads', () => {
  it('return a valid document with its defaults and caught values filled in', async () => {
    const store = await storeWith({ count: 3, mode: 'shouting', nested: { at: '2026-03-18T12:00:00Z' } });
    expect(await store.read(SAMPLE)).toEqual({
      count: 3,
      label: 'none',
      mode: 'quiet',
      nested: { at: '2026-03-18T12:00:00Z' },
    });
  });

  it.each([
    ['a wrong type', { count: 'three' }],
    ['a value out of range', { count: -1 }],
    ['a string too long', { count: 1, label: 'far too long a label' }],
    ['a damaged nested field', { count: 1, nested: { at: 'yesterday' } }],
  ])('fall back to the default for %s', async (_, value) => {
    const store = await storeWith(value);
    expect(await store.read(SAMPLE)).toEqual(SAMPLE.fallback);
  });

  it('read back what was written, and the default once the database has closed (a timer at shutdown)', async () => {
    const store = await storeWith({ count: 5 });
    expect((await store.read(SAMPLE)).count).toBe(5);
    await t!.core.db.close();
    expect(await store.read(SAMPLE)).toEqual(SAMPLE.fallback);
  });
});

describe('settings store updates', () => {
  it('change a value they can read, and refuse a synced one they cannot rather than write the default over it', async () => {
    const store = await storeWith({ count: 3, mode: 'loud' });
    expect(await store.update(SAMPLE, (v) => ({ ...v, count: v.count + 1 }))).toMatchObject({ count: 4, mode: 'loud' });

    const newer = { count: 'many', label: 'kept', future: true };
    await writeRaw(newer);
    await expect(store.update(SYNCED, (v) => ({ ...v, count: 1 }))).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^Rapport could not read the test counter .*changed nothing/),
    });
    expect((await t!.core.db.settings.findOne(SAMPLE.id).exec())!.value).toEqual(newer);
    // This device's own bookkeeping starts afresh instead.
    expect(await store.update(SAMPLE, (v) => ({ ...v, count: 1 }))).toEqual({ ...SAMPLE.fallback, count: 1 });
  });

  it('refuse a value their own schema would not read back, and keep what was saved', async () => {
    const store = await storeWith({ count: 3 });
    await expect(store.update(SAMPLE, (v) => ({ ...v, count: -1 }))).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^Rapport could not save the test counter: /),
    });
    expect((await t!.core.db.settings.findOne(SAMPLE.id).exec())!.value).toEqual({ count: 3 });
  });
});

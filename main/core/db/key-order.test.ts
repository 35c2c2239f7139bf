import { fillWithDefaultSettings, normalizeRxJsonSchema, sortObject, type RxJsonSchema } from 'rxdb';
import { afterEach, expect, test, vi } from 'vitest';
import { openTestCore } from '../testing/test-core.ts';
import { COLLECTION_SCHEMAS } from './collections.ts';

// RxDB sorts every schema's keys (and every query's, for its cache key) with localeCompare(); our
// patch (patches/rxdb+*.patch) orders plain keys without ICU, as the root and English collations
// do. Databases store each schema's hash: made under those, they keep it. (Under a collation that
// orders some keys otherwise, Czech or Lithuanian, the stored hash was already another; RxDB then
// compares the schemas' content instead and opens them as before.)

const byLocale = new Intl.Collator('en').compare;

/** RxDB's sortObject before the patch. */
function sortedByLocale(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedByLocale);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort(byLocale)
        .map((key) => [key, sortedByLocale((value as Record<string, unknown>)[key])]),
    );
  return value;
}

afterEach(() => vi.restoreAllMocks());

test("every collection's normalised schema is the one localeCompare gives", () => {
  for (const [name, { schema }] of Object.entries(COLLECTION_SCHEMAS)) {
    const filled = fillWithDefaultSettings(structuredClone(schema) as RxJsonSchema<unknown>);
    const normalised = JSON.stringify(normalizeRxJsonSchema(structuredClone(filled)));
    expect(normalised, name).toBe(JSON.stringify(sortedByLocale(filled)));
  }
});

test('plain keys sort as localeCompare sorts them; other strings go to localeCompare', () => {
  // A small alphabet makes ties at the primary level (case, length) common.
  const plain = '_-.$09aAbBzZ';
  const other = ['é', ' ', '@', 'ß', '😀'];
  let seed = 7;
  const random = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const word = (extra: boolean) =>
    Array.from({ length: random(6) }, () =>
      extra && random(4) === 0 ? other[random(other.length)] : plain[random(12)],
    ).join('');
  for (let round = 0; round < 3000; round++) {
    const words = Array.from({ length: 8 }, () => word(round % 3 === 0));
    expect(sortObject([...words]), words.join(' | ')).toEqual([...words].sort(byLocale));
  }
});

test('a cold open of the core never calls localeCompare (no ICU collator at start)', async () => {
  const calls = vi.spyOn(String.prototype, 'localeCompare');
  const t = await openTestCore();
  await t.call('timeline.page', { filter: {}, offset: 0, limit: 50 });
  expect(calls).not.toHaveBeenCalled();
  await t.dispose();
});

import { describe, expect, it } from 'vitest';
import {
  getIndexableStringMonad,
  getIndexStringLength,
  getStartIndexStringFromLowerBound,
  getStartIndexStringFromUpperBound,
  INDEX_MAX,
  INDEX_MIN,
  type RxDocumentData,
} from 'rxdb';
import { encodeCompactKey } from './compact-keys.ts';
import { encodeIndexString, getIndexDefs, type KeyFormat } from './index-keys.ts';
import { filledPersonSchema, rng, toStored, type Person } from './test-helpers.ts';

describe('index bound encoders', () => {
  it.each<KeyFormat>(['compact', 'padded'])(
    "produce RxDB's own lower and upper bound strings for every field type and special key (%s keys)",
    (format) => {
      const schema = filledPersonSchema();
      const random = rng(7);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
      const string = () => pick(['', 'a', 'Zoë', '𝔸x', ' b ', '\t', 'x'.repeat(30)]);
      const value: Record<string, () => string | number | boolean> = {
        string,
        boolean: () => random() < 0.5,
        number: () => pick([0, 1, 12.34, 999.99, 1000, -5, 2000, 0.005]),
        integer: () => pick([0, 1, 42, 150, 151, -1]),
      };
      let checked = 0;
      for (const def of getIndexDefs<Person>(schema, format)) {
        const encode = (indexString: string) =>
          format === 'padded'
            ? encodeIndexString(indexString)
            : encodeCompactKey(indexString, def.prefixLengths.slice(0, -1));
        const types = def.fields.map((field) => {
          if (field === '_deleted') return 'boolean';
          if (field === '_meta.lwt') return 'number';
          const part = schema.properties[field as keyof RxDocumentData<Person>] as { type: string };
          return part.type;
        });
        for (let n = 0; n < 200; n++) {
          const keys = types.map((type) => pick([INDEX_MIN, INDEX_MAX, null, value[type]!()])) as (
            string | number | boolean | null
          )[];
          expect(def.lowerBound(keys)).toEqual(
            encode(getStartIndexStringFromLowerBound(schema, [...def.fields], keys)),
          );
          expect(def.upperBound(keys)).toEqual(
            encode(getStartIndexStringFromUpperBound(schema, [...def.fields], keys)),
          );
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(800);
    },
  );
});

describe('index definitions', () => {
  it("build their index strings and prefix lengths at first use, equal to RxDB's", () => {
    const schema = filledPersonSchema();
    const person = toStored<Person>({
      id: 'p1',
      name: 'Zoë',
      age: 42,
      score: 12.34,
      active: true,
      tags: [],
      nested: { rank: 1 },
    });
    for (const def of getIndexDefs<Person>(schema)) {
      const fields = [...def.fields];
      expect(def.toIndexString(person)).toBe(getIndexableStringMonad(schema, fields)(person));
      expect(def.prefixLengths).toEqual(
        fields
          .map((_, n) => (n === 0 ? 0 : getIndexStringLength(schema, fields.slice(0, n))))
          .concat(getIndexStringLength(schema, fields)),
      );
      // Built once: the same array at every read.
      expect(def.prefixLengths).toBe(def.prefixLengths);
    }
  });

  it('still refuse an indexed field RxDB cannot bound when the storage instance is made', () => {
    const schema = filledPersonSchema();
    schema.indexes = [...(schema.indexes ?? []), ['_deleted', 'city', 'id']];
    expect(() => getIndexDefs<Person>(schema)).toThrow('indexed string field city has no maxLength');
  });
});

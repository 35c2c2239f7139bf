import { describe, expect, it } from 'vitest';
import {
  getStartIndexStringFromLowerBound,
  getStartIndexStringFromUpperBound,
  INDEX_MAX,
  INDEX_MIN,
  type RxDocumentData,
} from 'rxdb';
import { decodeIndexString, getIndexDefs } from './index-keys.ts';
import { filledPersonSchema, rng, type Person } from './test-helpers.ts';

describe('index bound encoders', () => {
  it("produce RxDB's own lower and upper bound strings for every field type and special key", () => {
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
    for (const def of getIndexDefs<Person>(schema)) {
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
        expect(decodeIndexString(def.lowerBound(keys))).toBe(
          getStartIndexStringFromLowerBound(schema, [...def.fields], keys),
        );
        expect(decodeIndexString(def.upperBound(keys))).toBe(
          getStartIndexStringFromUpperBound(schema, [...def.fields], keys),
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(800);
  });
});

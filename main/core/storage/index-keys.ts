import {
  getIndexableStringMonad,
  getIndexStringLength,
  getNumberIndexString,
  getPrimaryFieldOfPrimaryKey,
  getSchemaByObjectPath,
  getStringLengthOfIndexNumber,
  INDEX_MAX,
  INDEX_MIN,
  type RxDocumentData,
  type RxJsonSchema,
} from 'rxdb';
import { encodeCompactKey, MAX_RUN } from './compact-keys.ts';

/**
 * How a table stores its index keys: `compact` (compact-keys.ts, columns `ik:…`) in every table
 * made since, `padded` (RxDB's padded string as UTF-16BE, columns `ix:…`) in tables made before
 * and not yet converted (key-format.ts).
 */
export type KeyFormat = 'compact' | 'padded';

/** Column name prefix of each key format. */
export const KEY_COLUMN_PREFIX: Readonly<Record<KeyFormat, string>> = { compact: 'ik:', padded: 'ix:' };

/**
 * One secondary index of a collection: the RxDB field list, the SQLite
 * column that stores its key, and the functions that compute keys and
 * bounds in the table's key format.
 */
export type IndexDef<RxDocType> = {
  readonly fields: readonly string[];
  /** Key used to find the index from a query plan (`fields.join(',')`). */
  readonly key: string;
  /** Unquoted SQLite column name. */
  readonly column: string;
  /** RxDB's index string of a document (tests, and equal-prefix checks of sorted scans). */
  readonly toIndexString: (doc: RxDocumentData<RxDocType>) => string;
  /** The document's key as stored in `column`. */
  readonly keyOf: (doc: RxDocumentData<RxDocType>) => Uint8Array;
  /** prefixLengths[n]: UTF-16 length of the index string of the first n fields. */
  readonly prefixLengths: readonly number[];
  /** Encoded lower bound of a query plan's `startKeys` (RxDB's getStartIndexStringFromLowerBound). */
  readonly lowerBound: (keys: readonly unknown[]) => Uint8Array;
  /** Encoded upper bound of a query plan's `endKeys` (RxDB's getStartIndexStringFromUpperBound). */
  readonly upperBound: (keys: readonly unknown[]) => Uint8Array;
};

type FieldBounds = { lower: (bound: unknown) => string; upper: (bound: unknown) => string };
type FieldSchema = { type?: string; maxLength?: number; minimum?: number; maximum?: number; multipleOf?: number };

/** The schema of an indexed field. @throws if RxDB could not build index strings for it. */
function indexedField<RxDocType>(schema: RxJsonSchema<RxDocumentData<RxDocType>>, field: string): FieldSchema {
  const part = getSchemaByObjectPath(schema, field) as FieldSchema;
  if (!['string', 'boolean', 'number', 'integer'].includes(part.type ?? '')) {
    throw new Error(`SQLite storage: cannot index field ${field} of type ${String(part.type)}`);
  }
  if (part.type === 'string' && !part.maxLength) {
    throw new Error(`SQLite storage: indexed string field ${field} has no maxLength`);
  }
  return part;
}

/**
 * RxDB's getStartIndexStringFromLowerBound/UpperBound for one field, with
 * the schema lookups and padding strings computed once instead of on every
 * query (they were ~20 µs of a ~40 µs indexed count). Same cases, same
 * strings: `query.test.ts` checks them against RxDB's functions.
 */
function fieldBounds(part: FieldSchema): FieldBounds {
  switch (part.type) {
    case 'string': {
      const maxLength = part.maxLength!;
      const nulls = ''.padEnd(maxLength, '\x00');
      const maxes = ''.padEnd(maxLength, INDEX_MAX);
      return {
        lower: (bound) =>
          typeof bound === 'string' ? (bound === INDEX_MAX ? maxes : bound.padEnd(maxLength, ' ')) : nulls,
        upper: (bound) =>
          typeof bound === 'string' && bound !== INDEX_MAX
            ? bound.padEnd(maxLength, ' ')
            : bound === INDEX_MIN
              ? nulls
              : maxes,
      };
    }
    case 'boolean':
      return {
        lower: (bound) => (bound === null || bound === INDEX_MIN ? '0' : bound === INDEX_MAX ? '1' : bound ? '1' : '0'),
        upper: (bound) => (bound === null || bound === INDEX_MAX ? '1' : bound === INDEX_MIN ? '0' : bound ? '1' : '0'),
      };
    case 'number':
    case 'integer': {
      const lengths = getStringLengthOfIndexNumber(part);
      const zeros = '0'.repeat(lengths.nonDecimals + lengths.decimals);
      const nines = '9'.repeat(lengths.nonDecimals + lengths.decimals);
      const max = getNumberIndexString(lengths, lengths.maximum);
      return {
        lower: (bound) =>
          bound === null || bound === INDEX_MIN
            ? zeros
            : bound === INDEX_MAX
              ? max
              : getNumberIndexString(lengths, bound as number),
        upper: (bound) =>
          bound === null || bound === INDEX_MAX
            ? nines
            : bound === INDEX_MIN
              ? zeros
              : getNumberIndexString(lengths, bound as number),
      };
    }
    default:
      throw new Error(`SQLite storage: cannot index a field of type ${String(part.type)}`);
  }
}

function boundEncoder(
  fields: readonly FieldBounds[],
  side: 'lower' | 'upper',
  encode: (indexString: string) => Uint8Array,
) {
  return (keys: readonly unknown[]): Uint8Array => {
    let str = '';
    for (let i = 0; i < fields.length; i++) str += (fields[i] as FieldBounds)[side](keys[i]);
    return encode(str);
  };
}

/**
 * Encodes a JS string as UTF-16BE bytes.
 *
 * SQLite compares BLOBs with memcmp, and big-endian code units make memcmp
 * order identical to JS `<` order (which compares UTF-16 code units). TEXT
 * would be compared as UTF-8, which orders astral characters (surrogate
 * pairs in JS) above U+E000..U+FFFF — and RxDB pads upper bounds with
 * U+FFFF, so TEXT range scans would drop emoji-bearing rows.
 */
export function encodeIndexString(value: string): Uint8Array {
  // utf16le copies the string's code units as they are (lone surrogates too); swapping each pair
  // makes them big-endian. Natively, ~3× faster than a JS loop over a 40-character key.
  return Buffer.from(value, 'utf16le').swap16();
}

/** Inverse of {@link encodeIndexString}; used by tests and diagnostics. */
export function decodeIndexString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  }
  return out;
}

/**
 * The compact encoder of one index: RxDB's string cut into its fields at their fixed widths
 * (`prefixLengths`; the last field runs to the end, so an over-long id is still whole).
 */
function compactEncoder(prefixLengths: readonly number[]): (indexString: string) => Uint8Array {
  const starts = prefixLengths.slice(0, -1);
  for (let i = 0; i < prefixLengths.length - 1; i++) {
    if ((prefixLengths[i + 1] as number) - (prefixLengths[i] as number) > MAX_RUN) {
      throw new Error(`SQLite storage: an indexed field is longer than ${MAX_RUN} characters`);
    }
  }
  return (indexString) => encodeCompactKey(indexString, starts);
}

/** Index used by getChangedDocumentsSince(): (lwt, id) order. */
export function changesIndexFields(primaryPath: string): string[] {
  return ['_meta.lwt', primaryPath];
}

/**
 * All indexes the table needs: the schema's indexes (RxDB's filled schema
 * already prefixes `_deleted` and appends the primary key) plus the (lwt, id)
 * one getChangedDocumentsSince() relies on. Duplicates are dropped so each
 * gets one column. (cleanup() uses a partial SQL index instead, see table.ts.)
 */
export function getIndexDefs<RxDocType>(
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  format: KeyFormat = 'compact',
): IndexDef<RxDocType>[] {
  const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey) as string;
  const lists: string[][] = (schema.indexes ?? []).map((index) =>
    typeof index === 'string' ? [index] : [...(index as readonly string[])],
  );
  lists.push(changesIndexFields(primaryPath));
  const seen = new Set<string>();
  const defs: IndexDef<RxDocType>[] = [];
  for (const fields of lists) {
    const key = fields.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    // Checked here: a field RxDB cannot index is an error when the table opens, not at its first query.
    const parts = fields.map((field) => indexedField(schema, field));
    // The rest is made at first use: a start opens 13 storage instances with 44 indexes (~4 ms of
    // building index strings, lengths and bounds), and reads or writes only a few of them.
    let toIndexString: ((doc: RxDocumentData<RxDocType>) => string) | undefined;
    let prefixLengths: readonly number[] | undefined;
    let bounds: FieldBounds[] | undefined;
    let lowerBound: ((keys: readonly unknown[]) => Uint8Array) | undefined;
    let upperBound: ((keys: readonly unknown[]) => Uint8Array) | undefined;
    let encode: ((indexString: string) => Uint8Array) | undefined;
    const boundsOf = () => (bounds ??= parts.map(fieldBounds));
    const indexString = (doc: RxDocumentData<RxDocType>) =>
      (toIndexString ??= getIndexableStringMonad(schema, fields) as (doc: RxDocumentData<RxDocType>) => string)(doc);
    const lengths = () =>
      (prefixLengths ??= fields
        .map((_, n) => (n === 0 ? 0 : getIndexStringLength(schema, fields.slice(0, n))))
        .concat(getIndexStringLength(schema, fields)));
    const encoderOf = () => (encode ??= format === 'compact' ? compactEncoder(lengths()) : encodeIndexString);
    defs.push({
      fields,
      key,
      column: KEY_COLUMN_PREFIX[format] + key,
      toIndexString: indexString,
      keyOf: (doc) => encoderOf()(indexString(doc)),
      get prefixLengths() {
        return lengths();
      },
      lowerBound: (keys) => (lowerBound ??= boundEncoder(boundsOf(), 'lower', encoderOf()))(keys),
      upperBound: (keys) => (upperBound ??= boundEncoder(boundsOf(), 'upper', encoderOf()))(keys),
    });
  }
  return defs;
}

/** Quotes an SQLite identifier (table, column or index name). */
export function quoteIdent(name: string): string {
  return '"' + name.replaceAll('"', '""') + '"';
}

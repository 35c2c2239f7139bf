import {
  getIndexableStringMonad,
  getIndexStringLength,
  getPrimaryFieldOfPrimaryKey,
  type RxDocumentData,
  type RxJsonSchema,
} from 'rxdb';

/**
 * One secondary index of a collection: the RxDB field list, the SQLite
 * column that stores RxDB's indexable string for it, and the function that
 * computes that string for a document.
 */
export type IndexDef<RxDocType> = {
  readonly fields: readonly string[];
  /** Key used to find the index from a query plan (`fields.join(',')`). */
  readonly key: string;
  /** Unquoted SQLite column name. */
  readonly column: string;
  readonly toIndexString: (doc: RxDocumentData<RxDocType>) => string;
  /** prefixLengths[n]: UTF-16 length of the index string of the first n fields. */
  readonly prefixLengths: readonly number[];
};

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
  const length = value.length;
  const out = new Uint8Array(length * 2);
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    out[i * 2] = code >>> 8;
    out[i * 2 + 1] = code & 0xff;
  }
  return out;
}

/** Inverse of {@link encodeIndexString}; used by tests and diagnostics. */
export function decodeIndexString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  }
  return out;
}

/** True when the first `byteLength` bytes of both arrays are equal. */
export function samePrefix(a: Uint8Array, b: Uint8Array, byteLength: number): boolean {
  if (a.length < byteLength || b.length < byteLength) return a.length === b.length && bytesEqual(a, b);
  for (let i = 0; i < byteLength; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
export function getIndexDefs<RxDocType>(schema: RxJsonSchema<RxDocumentData<RxDocType>>): IndexDef<RxDocType>[] {
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
    defs.push({
      fields,
      key,
      column: 'ix:' + key,
      toIndexString: getIndexableStringMonad(schema, fields) as (doc: RxDocumentData<RxDocType>) => string,
      prefixLengths: fields
        .map((_, n) => (n === 0 ? 0 : getIndexStringLength(schema, fields.slice(0, n))))
        .concat(getIndexStringLength(schema, fields)),
    });
  }
  return defs;
}

/** Quotes an SQLite identifier (table, column or index name). */
export function quoteIdent(name: string): string {
  return '"' + name.replaceAll('"', '""') + '"';
}

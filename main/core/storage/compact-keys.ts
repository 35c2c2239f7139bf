/**
 * The compact index key format: RxDB's index string, field by field, without its padding.
 *
 * RxDB pads every string field of an index string to the field's `maxLength` with spaces, so
 * that the concatenated fields compare like tuples. Stored as UTF-16BE (the "padded" format,
 * `encodeIndexString`), a people row carried 2 KB of keys for 415 bytes of JSON: one row per
 * 4 KB page, and 8.6 GB for 50,000 people and 1M interactions.
 *
 * Here each field part (one fixed-width slice of RxDB's string) is written as UTF-16BE code
 * units, except runs of spaces, which become a token that sorts exactly as the run does against
 * whatever follows it in another key:
 *
 * - a run reaching the end of the part (the padding): `00 20 01`;
 * - a run followed by a character below U+0020: `00 20 00`, then the run length (2 bytes, more
 *   spaces sort later, since the other key has its smaller character where this one has a space);
 * - a run followed by a character above U+0020: `00 20 02`, then 0xFFFF minus the run length
 *   (more spaces sort earlier).
 *
 * Every other code unit is two bytes that never equal `00 20`, so a token and a character differ
 * at their first two bytes, where U+0020 sorts against that character as the token must. Two
 * parts of the same width are therefore equal exactly when their bytes are, and otherwise differ
 * at a byte that orders them as JS orders the padded strings; memcmp of the concatenated parts
 * (SQLite's BLOB order) is RxDB's order. `compact-keys.test.ts` holds the two equal on random
 * strings of spaces, control characters, surrogates and U+FFFF.
 */

const SPACE = 0x20;
const RUN_BEFORE_LOWER = 0;
const RUN_TO_END = 1;
const RUN_BEFORE_HIGHER = 2;
/** Longest run of spaces a token can count (fields are far shorter; checked in `fieldWidths`). */
export const MAX_RUN = 0xffff;

let scratch = new Uint8Array(1024);

/** Encodes `text` as consecutive parts: part `i` is `text[starts[i] .. starts[i + 1])`, the last one to the end. */
export function encodeCompactKey(text: string, starts: readonly number[]): Uint8Array {
  // At most 5 bytes per run of spaces (of 1 or more) and 2 per other code unit: a lone space
  // between characters takes 7 bytes for 2, and a part of one space 3, so 4 a character bounds it.
  if (scratch.length < text.length * 4 + 8) scratch = new Uint8Array(text.length * 4 + 8);
  const out = scratch;
  let n = 0;
  for (let p = 0; p < starts.length; p++) {
    const end = p + 1 < starts.length ? (starts[p + 1] as number) : text.length;
    let i = starts[p] as number;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c !== SPACE) {
        out[n++] = c >> 8;
        out[n++] = c & 0xff;
        i++;
        continue;
      }
      let j = i + 1;
      while (j < end && text.charCodeAt(j) === SPACE) j++;
      out[n++] = 0;
      out[n++] = SPACE;
      if (j === end) {
        out[n++] = RUN_TO_END;
      } else {
        const run = j - i;
        const higher = text.charCodeAt(j) > SPACE;
        const value = higher ? MAX_RUN - run : run;
        out[n++] = higher ? RUN_BEFORE_HIGHER : RUN_BEFORE_LOWER;
        out[n++] = value >> 8;
        out[n++] = value & 0xff;
      }
      i = j;
    }
  }
  // A typed array drops writes past its end without a word: a key cut short would sort wrongly.
  if (n > out.length)
    throw new Error(`Index key of ${text.length} characters overflowed its ${out.length}-byte buffer`);
  return out.slice(0, n);
}

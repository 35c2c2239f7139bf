import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { encodeCompactKey } from './compact-keys.ts';
import { encodeIndexString } from './index-keys.ts';
import { rng } from './test-helpers.ts';

/** Characters around every boundary the encoding treats specially: below, at and above the space, surrogates, U+FFFF. */
const ALPHABET = ['\x00', '\x01', '\x1f', ' ', ' ', ' ', '!', 'a', 'é', '\uD83D', '\uDE00', '\uFFFE', '\uFFFF'];

const byJs = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('compact index keys', () => {
  const random = rng(11);
  const widths = [6, 1, 9];
  const starts = [0, 6, 7];
  /** One field value the way RxDB writes it: padded with spaces, or a bound padded with U+0000 or U+FFFF. */
  const part = (width: number) => {
    const pad = random() < 0.1 ? '\x00' : random() < 0.1 ? '\uFFFF' : ' ';
    let value = '';
    const length = Math.floor(random() * (width + 1));
    while (value.length < length) value += ALPHABET[Math.floor(random() * ALPHABET.length)];
    return value.padEnd(width, pad);
  };
  const key = () => widths.map(part).join('');
  const pairs = Array.from({ length: 20_000 }, () => [key(), key()] as const);
  // Equal keys must be equal bytes, and near-equal ones test the run tokens: some pairs differ in one part only.
  for (let i = 0; i < 5000; i++) {
    const a = key();
    pairs.push([a, a.slice(0, 6) + part(1) + a.slice(7)], [a, a]);
  }

  it('sort in BLOB order exactly as JS sorts RxDB’s padded strings', () => {
    let equal = 0;
    for (const [a, b] of pairs) {
      const order = Math.sign(Buffer.compare(encodeCompactKey(a, starts), encodeCompactKey(b, starts)));
      expect(order, JSON.stringify([a, b])).toBe(byJs(a, b));
      if (order === 0) equal++;
    }
    expect(equal).toBeGreaterThan(5000);
  });

  it('sort the same way inside SQLite, where range scans compare them', () => {
    const db = new DatabaseSync(':memory:');
    // The strings stay in JS: TEXT would turn their lone surrogates into U+FFFD.
    db.exec('CREATE TABLE t (i INTEGER, k BLOB)');
    const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
    const strings = pairs.slice(0, 3000).map(([a]) => a);
    strings.forEach((s, i) => insert.run(i, encodeCompactKey(s, starts)));
    const sorted = (db.prepare('SELECT i FROM t ORDER BY k').all() as { i: number }[]).map((r) => strings[r.i]);
    expect(sorted).toEqual([...strings].sort(byJs));
    db.close();
  });

  it('keep every byte of long keys made of lone spaces between characters (3.5 bytes a character)', () => {
    const long = ' a'.repeat(600);
    const keys = [long + 'zz', long + 'b', long + ' b', long];
    const sorted = [...keys].sort((a, b) => Buffer.compare(encodeCompactKey(a, [0]), encodeCompactKey(b, [0])));
    expect(sorted).toEqual([...keys].sort(byJs));
    expect(encodeCompactKey(long, [0]).length).toBe(600 * 7);
  });

  it('are a fraction of the padded keys for typical values', () => {
    const padded = 'Lovelace, Ada'.padEnd(200, ' ') + 'c-7f3a9d2e'.padEnd(64, ' ');
    const compact = encodeCompactKey(padded, [0, 200]);
    // Two bytes a character, five for the inner space (a run token), three for each padding.
    expect(compact.length).toBe(2 * 'Lovelace,Ada'.length + 5 + 3 + 2 * 'c-7f3a9d2e'.length + 3);
    expect(encodeIndexString(padded).length).toBe(528);
  });
});

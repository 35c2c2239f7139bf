/**
 * The snippet rules as they were before snippets read only up to the window (text.ts): every
 * match of the whole text found first. Kept as the reference the equivalence test compares with.
 */
import { foldText, LEAD_CHARS, SNIPPET_CHARS, windowedSnippet, type Snippet } from '../text.ts';

const NON_ASCII = /[\u0080-\uffff]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Up to ~80 characters of `text` around the first word that starts with a query word, with
 * whitespace runs collapsed and "…" where text was cut. `highlights` are `[start, end)` offsets
 * into the returned snippet, covering every word prefix matched (accent- and case-insensitive).
 */
export function makeSnippetFullScan(text: string, words: readonly string[]): Snippet {
  const ranges = matchRanges(text, words);
  const first = ranges[0]?.[0] ?? 0;
  let start = 0;
  let end = text.length;
  if (text.length > SNIPPET_CHARS) {
    start = Math.max(0, Math.min(first - LEAD_CHARS, text.length - SNIPPET_CHARS));
    // Start at a word boundary when one is near, so the snippet does not open mid-word.
    const wordStart = lastWhitespace(text, start) + 1;
    if (start > 0 && start - wordStart < 11 && (ranges[0]?.[1] ?? 0) <= wordStart + SNIPPET_CHARS) start = wordStart;
    end = Math.min(text.length, start + SNIPPET_CHARS);
    const cut = lastWhitespace(text, end);
    if (end < text.length && cut > start + SNIPPET_CHARS / 2 && cut >= (ranges[0]?.[1] ?? 0)) end = cut;
  }
  // The window and the ranges are what changed; the snippet is assembled the same way.
  return windowedSnippet(text, start, end, ranges);
}

/**
 * `[start, end)` ranges in `text` (original offsets) of each word that starts with a query word,
 * longest match per word start, in text order. Folding is done per character so offsets map back
 * exactly even where folding changes length ("é" → "e", "İ" → "i").
 */
function matchRanges(text: string, words: readonly string[]): Array<[number, number]> {
  // ASCII folds to text of the same length, so offsets are the same in both.
  const ascii = !NON_ASCII.test(text);
  let folded = ascii ? text.toLowerCase() : '';
  const origin: number[] = [];
  for (let i = 0; i < text.length && !ascii;) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const f = foldText(String.fromCodePoint(cp));
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += width;
  }
  origin.push(text.length);

  const ranges: Array<[number, number]> = [];
  for (let p = 0; p < folded.length; p++) {
    if (!isWordChar(folded, p) || (p > 0 && isWordChar(folded, p - 1))) continue;
    let best = 0;
    for (const w of words) if (w.length > best && folded.startsWith(w, p)) best = w.length;
    if (best > 0) ranges.push(ascii ? [p, p + best] : [origin[p]!, origin[p + best]!]);
  }
  return ranges;
}

/** A letter or digit at `p` of folded (lower-case) text; ASCII without a regular expression. */
function isWordChar(folded: string, p: number): boolean {
  const code = folded.charCodeAt(p);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
  return WORD_CHAR.test(folded[p]!);
}

/** Where the last whitespace at or before `at` is, found by a regular expression over the text. */
function lastWhitespace(text: string, at: number): number {
  let found = -1;
  for (const m of text.slice(0, at + 1).matchAll(/\s/g)) found = m.index;
  return found;
}

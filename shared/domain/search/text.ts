/** Text folding, tokenising and snippets for the search index. */

const MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const NON_ASCII = /[\u0080-\uffff]/;
const ASCII_NON_WORD = /[^a-z0-9]+/;
const ASCII_NON_WORDS = /[^a-z0-9]+/g;

/** Letters with no accent to take off (NFD leaves them whole), as their base letters. */
const BASE_LETTERS: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};
const WHOLE_LETTERS = /[łøđħıßæœþ]/g;

/**
 * Lower case with accents removed ("José" → "jose"), and ł ø đ ħ ı ß æ œ þ as the letters people
 * type for them ("lukasz" for Łukasz, "strasse" for Straße): for search (what the index stores and
 * what a query asks), name order and the People filter. Lower-cases first so "İ" loses its dot
 * too. Changing it changes what the search index holds: bump `SEARCH_INDEX_VERSION` and
 * `PEOPLE_INDEX_VERSION` (sort names).
 */
export function foldText(text: string): string {
  // Most text is ASCII: skipping NFD for it halves the index build time.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(WHOLE_LETTERS, (letter) => BASE_LETTERS[letter]!);
}

/** Folded words of `text`, split on anything that is not a letter or digit. May repeat. */
export function tokenise(text: string): string[] {
  const folded = foldText(text);
  const out = folded.split(NON_ASCII.test(folded) ? NON_WORD : ASCII_NON_WORD);
  // split leaves an empty string at either end when the text starts or ends with punctuation.
  return out.filter((t) => t.length > 0);
}

/** `tokenise(text).join(' ')`, in one pass for ASCII text (most of it): what the search index stores. */
export function foldedWords(text: string): string {
  const folded = foldText(text);
  if (NON_ASCII.test(folded)) return tokenise(text).join(' ');
  return folded.replace(ASCII_NON_WORDS, ' ').trim();
}

/**
 * Whether some word of `folded` (text from {@link foldText}) starts with `word` (a folded query
 * word): what `tokenise(text).some((t) => t.startsWith(word))` says, without splitting the text.
 */
export function startsAWord(folded: string, word: string): boolean {
  for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
    if (at === 0) return true;
    // A letter outside the BMP before it (a surrogate pair) still belongs to the same word.
    if (isLowSurrogate(folded.charCodeAt(at - 1)) && at >= 2) {
      if (!WORD_CHAR.test(folded.slice(at - 2, at))) return true;
    } else if (!isWordChar(folded, at - 1)) return true;
  }
  return false;
}

/** Folded, de-duplicated query words, in the order typed. */
export function queryWords(query: string): string[] {
  return [...new Set(tokenise(query))];
}

export type Snippet = { snippet: string; highlights: Array<[number, number]> };

/** Longest snippet, in UTF-16 units, before the ellipses. */
export const SNIPPET_CHARS = 80;
/** How much text to keep before the first match when the field is too long to show whole. */
export const LEAD_CHARS = 20;

/**
 * Up to ~80 characters of `text` around the first word that starts with a query word, with
 * whitespace runs collapsed and "…" where text was cut. `highlights` are `[start, end)` offsets
 * into the returned snippet, covering every word prefix matched (accent- and case-insensitive).
 */
export function makeSnippet(text: string, words: readonly string[]): Snippet {
  let start = 0;
  let end = text.length;
  let ranges: Array<[number, number]>;
  if (text.length > SNIPPET_CHARS) {
    // Only the first match places the window, and only matches inside it are highlighted: a
    // long note is read up to its first match and across the window, not to its end.
    const [firstRange] = matchRanges(text, words, 0, text.length, 1);
    const first = firstRange?.[0] ?? 0;
    start = Math.max(0, Math.min(first - LEAD_CHARS, text.length - SNIPPET_CHARS));
    // Start at a word boundary when one is near, so the snippet does not open mid-word. Any
    // whitespace counts: notes break lines, and a line's first word was cut after its newline.
    // Inside the text's first word (no whitespace before), that is its start. Not when the window,
    // moved back, would end before the first match does (a match near the end of a short text).
    const wordStart = lastSpaceAt(text, start) + 1;
    if (start > 0 && start - wordStart < 11 && (firstRange?.[1] ?? 0) <= wordStart + SNIPPET_CHARS) start = wordStart;
    end = Math.min(text.length, start + SNIPPET_CHARS);
    const cut = lastSpaceAt(text, end);
    if (end < text.length && cut > start + SNIPPET_CHARS / 2 && cut >= (firstRange?.[1] ?? 0)) end = cut;
    // A match that starts before the window may still reach into it.
    const longest = words.reduce((n, w) => Math.max(n, w.length), 0);
    ranges = matchRanges(text, words, Math.max(0, start - longest), end);
  } else ranges = matchRanges(text, words);
  return windowedSnippet(text, start, end, ranges);
}

/**
 * The snippet of `text[start, end)` with whitespace runs collapsed, "…" where text was cut, and
 * the parts of `ranges` (offsets into `text`) inside it as highlights. A window's edge never
 * splits a surrogate pair.
 */
export function windowedSnippet(
  text: string,
  start: number,
  end: number,
  ranges: ReadonlyArray<readonly [number, number]>,
): Snippet {
  // Never split a surrogate pair.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;

  const map: number[] = []; // original index (relative to start) → snippet index
  let snippet = start > 0 ? '…' : '';
  let inSpace = false;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    map[i - start] = snippet.length;
    if (isSpace(ch)) {
      if (!inSpace) snippet += ' ';
      inSpace = true;
    } else {
      snippet += ch;
      inSpace = false;
    }
  }
  map[end - start] = snippet.length;
  const trimmedEnd = snippet.length;
  if (end < text.length) snippet += '…';

  const highlights: Array<[number, number]> = [];
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    const a = map[Math.max(s, start) - start]!;
    const b = Math.min(map[Math.min(e, end) - start]!, trimmedEnd);
    if (b > a) highlights.push([a, b]);
  }
  return { snippet, highlights };
}

/** The index of the last whitespace character at or before `at`, or -1. */
function lastSpaceAt(text: string, at: number): number {
  for (let i = Math.min(at, text.length - 1); i >= 0; i--) if (isSpace(text[i]!)) return i;
  return -1;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * `[start, end)` ranges in `text` (original offsets) of each word that starts with a query word,
 * longest match per word start, in text order: those starting in `[from, to)`, at most `max`.
 * Folding is done per character so offsets map back exactly even where folding changes length
 * ("é" → "e", "İ" → "i").
 */
export function matchRanges(
  text: string,
  words: readonly string[],
  from = 0,
  to = text.length,
  max = Infinity,
): Array<[number, number]> {
  // One character before `from` says whether a word starts at `from`; a match may run past `to`.
  let begin = Math.max(0, from - 1);
  if (begin > 0 && isLowSurrogate(text.charCodeAt(begin))) begin--;
  const longest = words.reduce((n, w) => Math.max(n, w.length), 0);
  const part = text.slice(begin, Math.min(text.length, to + longest + 1));
  // ASCII folds to text of the same length, so offsets are the same in both.
  const ascii = !NON_ASCII.test(part);
  let folded = ascii ? part.toLowerCase() : '';
  const origin: number[] = [];
  for (let i = 0; i < part.length && !ascii;) {
    const cp = part.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const f = foldText(String.fromCodePoint(cp));
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += width;
  }
  origin.push(part.length);

  const ranges: Array<[number, number]> = [];
  for (let p = 0; p < folded.length && ranges.length < max; p++) {
    const at = begin + (ascii ? p : origin[p]!);
    if (at >= to) break;
    if (at < from || !isWordChar(folded, p) || (p > 0 && isWordChar(folded, p - 1))) continue;
    let best = 0;
    for (const w of words) if (w.length > best && folded.startsWith(w, p)) best = w.length;
    if (best > 0) ranges.push([at, begin + (ascii ? p + best : origin[p + best]!)]);
  }
  return ranges;
}

/** A letter or digit at `p` of folded (lower-case) text; ASCII without a regular expression. */
function isWordChar(folded: string, p: number): boolean {
  const code = folded.charCodeAt(p);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
  return WORD_CHAR.test(folded[p]!);
}

/** Whitespace, as `\s` has it; ASCII without a regular expression. */
function isSpace(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return /\s/.test(ch);
}

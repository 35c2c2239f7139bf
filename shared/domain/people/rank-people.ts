/**
 * Who a person picker offers for what was typed, best first. The core ranks with these rules
 * (`people.pick`); the renderer only shows the answer. Names are folded once per person
 * (`foldName`), so a keystroke folds only the typed text.
 */

/** Lower case without accents, so "zoe" finds "Zoë". */
export const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase()
    .trim();

/** A name folded once, with its words, for matching many queries against it. */
export interface FoldedName {
  readonly folded: string;
  readonly words: readonly string[];
}

export function foldName(name: string): FoldedName {
  const folded = fold(name);
  return { folded, words: folded.split(/[\s\-'’.]+/) };
}

interface FoldedQuery {
  readonly folded: string;
  readonly parts: readonly string[];
}

const foldQuery = (query: string): FoldedQuery => {
  const folded = fold(query);
  return { folded, parts: folded.split(/\s+/) };
};

/** 3: the whole name; 2: every typed word starts a word of the name; 1: appears inside it; 0: no match. */
function quality(name: FoldedName, query: FoldedQuery): number {
  const q = query.folded;
  if (!q) return 0;
  const n = name.folded;
  if (n === q) return 3;
  // Both other qualities need the first typed word somewhere in the name: most people stop here.
  if (!n.includes(query.parts[0]!)) return 0;
  return everyPartStartsAWord(name.words, query.parts) ? 2 : n.includes(q) ? 1 : 0;
}

// Loops rather than every/some: this runs for every person on every keystroke.
function everyPartStartsAWord(words: readonly string[], parts: readonly string[]): boolean {
  for (const part of parts) {
    let found = false;
    for (const word of words)
      if (word.startsWith(part)) {
        found = true;
        break;
      }
    if (!found) return false;
  }
  return true;
}

/** What ranking needs of a person; `name` is `foldName(displayName)`, kept with the person. */
export interface PickCandidate {
  readonly id: string;
  readonly displayName: string;
  /** The People list's name order (the last tie-break, so equal people keep one order). */
  readonly sortName: string;
  /** `YYYY-MM-DD`, or '' for never. */
  readonly lastInteractionOn: string;
  readonly name: FoldedName;
}

export interface PickOptions {
  exclude?: ReadonlySet<string>;
  /** Ids added in this window, newest first: they rank right after how well the name matches. */
  prefer?: readonly string[];
  limit: number;
}

export interface Picked<T> {
  matches: T[];
  /**
   * More than one person matches as well as the best one: Enter must not choose for the user.
   * A unique whole-name match is never ambiguous; nothing typed is never ambiguous.
   */
  ambiguous: boolean;
}

interface Scored<T> {
  candidate: T;
  quality: number;
  preferred: number;
}

const NOT_PREFERRED = Number.MAX_SAFE_INTEGER;
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// Made at the first ranking: creating a collator loads ICU's collation data, ~25 ms at start-up.
let collator: Intl.Collator | undefined;

/** A typed name: match quality, then added in this window, then recent contact, then name. */
function byMatch<T extends PickCandidate>(a: Scored<T>, b: Scored<T>): number {
  return (
    b.quality - a.quality ||
    a.preferred - b.preferred ||
    byCodeUnits(b.candidate.lastInteractionOn, a.candidate.lastInteractionOn) ||
    (collator ??= new Intl.Collator()).compare(a.candidate.displayName, b.candidate.displayName) ||
    byName(a, b)
  );
}

/** Nothing typed: most recent contact, then the list's name order. */
const byRecent = <T extends PickCandidate>(a: Scored<T>, b: Scored<T>): number =>
  byCodeUnits(b.candidate.lastInteractionOn, a.candidate.lastInteractionOn) || byName(a, b);

const byName = <T extends PickCandidate>(a: Scored<T>, b: Scored<T>): number =>
  byCodeUnits(a.candidate.sortName, b.candidate.sortName) || byCodeUnits(a.candidate.id, b.candidate.id);

/**
 * The best `limit` people for a typed name: how well the name matches, then people added in this
 * window (newest first), then most recent contact, then name. With nothing typed, everyone
 * matches: the most recently contacted come first (`prefer` does not apply). Keeps only the best `limit` while it
 * walks the candidates (no sort of every match), so a one-letter query costs one pass.
 */
export function pickPeople<T extends PickCandidate>(
  candidates: Iterable<T>,
  query: string,
  { exclude, prefer = [], limit }: PickOptions,
): Picked<T> {
  const q = foldQuery(query);
  const preferred = new Map(prefer.map((id, i) => [id, i]));
  const compare = q.folded ? byMatch : byRecent;
  const best: Scored<T>[] = [];
  const atQuality = [0, 0, 0, 0];
  for (const candidate of candidates) {
    if (exclude?.has(candidate.id)) continue;
    const scored = q.folded ? quality(candidate.name, q) : 0;
    if (q.folded && !scored) continue;
    atQuality[scored]!++;
    const worst = best.length >= limit ? best[best.length - 1]! : undefined;
    if (worst && worst.quality > scored) continue;
    const rank = preferred.size ? (preferred.get(candidate.id) ?? NOT_PREFERRED) : NOT_PREFERRED;
    const entry = { candidate, quality: scored, preferred: rank };
    if (worst && compare(entry, worst) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(best[middle]!, entry) < 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, entry);
    if (best.length > limit) best.pop();
  }
  const top = best[0]?.quality ?? 0;
  return { matches: best.map((s) => s.candidate), ambiguous: top > 0 && atQuality[top]! > 1 };
}

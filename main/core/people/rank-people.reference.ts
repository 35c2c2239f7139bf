/**
 * The renderer's ranking before `people.pick` (renderer/features/log/rank-people.ts at c28aad7),
 * unchanged: the reference the core's picks are tested against (people-picks.test.ts) and measured
 * against (scripts/bench/pick.ts). It folds every name on every call; nothing shipped uses it.
 */

export interface Rankable {
  id: string;
  displayName: string;
  organisation?: string | undefined;
  lastInteractionOn?: string | undefined;
}

/** Lower case without accents, so "zoe" finds "Zoë". */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase()
    .trim();

/** 3: the whole name; 2: every typed word starts a word of the name; 1: appears inside it; 0: no match. */
function matchQuality(name: string, query: string): number {
  const n = fold(name);
  const q = fold(query);
  if (!q) return 0;
  if (n === q) return 3;
  const words = n.split(/[\s\-'’.]+/);
  if (q.split(/\s+/).every((part) => words.some((w) => w.startsWith(part)))) return 2;
  return n.includes(q) ? 1 : 0;
}

export interface Ranked<T> {
  matches: T[];
  /**
   * More than one person matches as well as the best one: Enter must not choose for the user.
   * A unique whole-name match is never ambiguous.
   */
  ambiguous: boolean;
}

/**
 * Ranks people for a typed name: how well the name matches, then people added in this window
 * (newest first), then most recent contact, then name.
 */
export function rankPeopleReference<T extends Rankable>(
  people: readonly T[],
  query: string,
  options: { recentlyAdded?: readonly string[]; exclude?: readonly string[]; limit?: number } = {},
): Ranked<T> {
  const { recentlyAdded = [], exclude = [], limit = 7 } = options;
  const recent = (id: string) => {
    const i = recentlyAdded.indexOf(id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const scored = people
    .filter((p) => !exclude.includes(p.id))
    .map((p) => ({ p, quality: matchQuality(p.displayName, query) }))
    .filter((s) => s.quality > 0)
    .sort(
      (a, b) =>
        b.quality - a.quality ||
        recent(a.p.id) - recent(b.p.id) ||
        (b.p.lastInteractionOn ?? '').localeCompare(a.p.lastInteractionOn ?? '') ||
        a.p.displayName.localeCompare(b.p.displayName),
    );
  const best = scored[0]?.quality ?? 0;
  const tied = scored.filter((s) => s.quality === best).length;
  return { matches: scored.slice(0, limit).map((s) => s.p), ambiguous: tied > 1 };
}

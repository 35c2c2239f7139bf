/**
 * Suggested introductions: A is looking for something B can help with.
 *
 * The rule, for short free text a person typed:
 * 1. Each text is cut into words (letters and digits, any script), lower-cased.
 * 2. Filler words are dropped: ordinary English ("a", "for", "with") and words every
 *    looking-for/can-help text is full of ("looking", "help", "someone", "advice", "intro").
 * 3. The remaining words are stemmed lightly and the same way on both sides ("hiring" and "hire"
 *    meet at "hir", "designers" and "designer" at "design").
 * 4. A pair is suggested when A's looking-for and B's can-help-with share at least one stem,
 *    and not only stems that are common in this network: in a fifth or more of its looking-for
 *    and can-help texts, once there are ten or more ("tech" among tech people says little).
 *    The score is the number of shared stems, plus one when a whole phrase of A's (a part
 *    between commas, semicolons or line breaks) is found in B's text word for word.
 * People who are archived, the same person, and pairs already related in any way are left out.
 */
import type { Relationship } from './relationships.ts';

export type MatchPerson = {
  id: string;
  displayName: string;
  lookingFor?: string | undefined;
  canHelpWith?: string | undefined;
  archived?: boolean;
  relationships?: readonly Pick<Relationship, 'contactId'>[] | undefined;
};

export type IntroSuggestion = {
  /** The person looking for something. */
  seekerId: string;
  /** The person who can help with it. */
  helperId: string;
  /** Words the two texts share, as the seeker wrote them, in the seeker's order. */
  shared: string[];
  score: number;
};

const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can could do for from get getting has have i if in into is it its ' +
    'me my of on or our so some that the their them they this to too up us we with would you your ' +
    'looking look want wants need needs seeking help helping helps someone somebody anyone people person ' +
    'who what how good great new more any about advice intro intros introduction introductions ' +
    'happy glad able also just like especially around things thing stuff other others ' +
    'team teams group work working company business area field role'
  ).split(' '),
);

/** The light stemmer of step 3; not a linguist's stemmer, just enough to meet plurals and -ing. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  for (const suffix of ['ing', 'ers', 'er', 'ed']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}+#.-]*/gu) ?? [];

/** The content words of a text (steps 1-2), each with its stem (step 3), first use first. */
export function contentWords(text: string): Array<{ word: string; stem: string }> {
  const seen = new Set<string>();
  const out: Array<{ word: string; stem: string }> = [];
  for (const raw of words(text)) {
    const word = raw.replace(/[.-]+$/, '');
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    const s = stem(word);
    if (seen.has(s)) continue;
    seen.add(s);
    out.push({ word, stem: s });
  }
  return out;
}

const phrases = (text: string): string[] =>
  text
    .split(/[,;\n\r•]+/)
    .map((p) =>
      contentWords(p)
        .map((w) => w.stem)
        .join(' '),
    )
    .filter((p) => p.includes(' '));

/** Share of the network's texts from which a stem is too common to make a suggestion alone. */
export const COMMON_SHARE = 0.2;
/** Texts needed before anything counts as common: a handful of people proves nothing. */
export const COMMON_FROM_TEXTS = 10;

/** The stems in `COMMON_SHARE` or more of `texts` (none below `COMMON_FROM_TEXTS` texts). */
export function commonStems(texts: readonly string[]): ReadonlySet<string> {
  if (texts.length < COMMON_FROM_TEXTS) return new Set();
  const inTexts = new Map<string, number>();
  for (const text of texts) for (const { stem: s } of contentWords(text)) inTexts.set(s, (inTexts.get(s) ?? 0) + 1);
  return new Set([...inTexts].filter(([, n]) => n / texts.length >= COMMON_SHARE).map(([s]) => s));
}

/**
 * How well `lookingFor` meets `canHelpWith` (0: not at all) and which words they share. Sharing
 * only `common` stems is no match.
 */
export function matchTexts(
  lookingFor: string,
  canHelpWith: string,
  common: ReadonlySet<string> = new Set(),
): { score: number; shared: string[] } {
  const helperStems = new Set(contentWords(canHelpWith).map((w) => w.stem));
  const shared = contentWords(lookingFor).filter((w) => helperStems.has(w.stem));
  if (shared.every((w) => common.has(w.stem))) return { score: 0, shared: [] };
  const helperPhrase = ` ${contentWords(canHelpWith)
    .map((w) => w.stem)
    .join(' ')} `;
  const wholePhrase = phrases(lookingFor).some((p) => helperPhrase.includes(` ${p} `));
  return { score: shared.length + (wholePhrase ? 1 : 0), shared: shared.map((w) => w.word) };
}

/**
 * Every suggested introduction among `people`, best first, at most `limit`. Within a score, each
 * seeker's first helper at that score comes before anyone's second: one person with a broad
 * "looking for" (a dozen helpers at score 1) would otherwise fill the top of the list, and push
 * the rest of the network out of it. Then the seeker's and the helper's names.
 */
export function suggestIntroductions(people: readonly MatchPerson[], limit = 50): IntroSuggestion[] {
  const active = people.filter((p) => !p.archived);
  const seekers = active.filter((p) => p.lookingFor?.trim());
  const helpers = active.filter((p) => p.canHelpWith?.trim());
  const names = new Map(active.map((p) => [p.id, p.displayName]));
  const common = commonStems([...seekers.map((p) => p.lookingFor!), ...helpers.map((p) => p.canHelpWith!)]);
  const out: IntroSuggestion[] = [];
  for (const seeker of seekers) {
    const related = new Set((seeker.relationships ?? []).map((r) => r.contactId));
    for (const helper of helpers) {
      if (helper.id === seeker.id || related.has(helper.id)) continue;
      const { score, shared } = matchTexts(seeker.lookingFor!, helper.canHelpWith!, common);
      if (score > 0) out.push({ seekerId: seeker.id, helperId: helper.id, shared, score });
    }
  }
  const name = (id: string) => names.get(id) ?? '';
  const byNames = (a: IntroSuggestion, b: IntroSuggestion) =>
    name(a.seekerId).localeCompare(name(b.seekerId)) || name(a.helperId).localeCompare(name(b.helperId));
  // How many of the seeker's own suggestions at this score come before this one.
  const place = new Map<IntroSuggestion, number>();
  for (const group of Map.groupBy(out, (s) => `${s.score} ${s.seekerId}`).values())
    group.sort(byNames).forEach((s, i) => place.set(s, i));
  out.sort((a, b) => b.score - a.score || place.get(a)! - place.get(b)! || byNames(a, b));
  return out.slice(0, Math.max(0, limit));
}

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
 * Who is suggested to whom, and in what order, is intro-ranking.ts.
 */
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
export const commonStems = (texts: readonly string[]): ReadonlySet<string> =>
  commonStemsAmong(texts.map((text) => ({ stems: contentWords(text).map((w) => w.stem), times: 1 })));

/** `commonStems` of texts already read: each text's stems, once each, and how many times the text occurs. */
export function commonStemsAmong(texts: Iterable<{ stems: Iterable<string>; times: number }>): ReadonlySet<string> {
  let total = 0;
  const inTexts = new Map<string, number>();
  for (const { stems, times } of texts) {
    total += times;
    for (const s of stems) inTexts.set(s, (inTexts.get(s) ?? 0) + times);
  }
  if (total < COMMON_FROM_TEXTS) return new Set();
  return new Set([...inTexts].filter(([, n]) => n / total >= COMMON_SHARE).map(([s]) => s));
}

/** A looking-for text as matching reads it: its content words, and its phrases of two or more. */
export interface SeekerText {
  readonly words: ReadonlyArray<{ word: string; stem: string }>;
  readonly phrases: readonly string[];
}
/** A can-help text as matching reads it: its stems, and all of them in order between spaces. */
export interface HelperText {
  readonly stems: ReadonlySet<string>;
  readonly stemLine: string;
}

export const readSeekerText = (text: string): SeekerText => ({ words: contentWords(text), phrases: phrases(text) });

export function readHelperText(text: string): HelperText {
  const stems = contentWords(text).map((w) => w.stem);
  return { stems: new Set(stems), stemLine: ` ${stems.join(' ')} ` };
}

/** `matchTexts` on texts read once: suggestions read each text once, not once per pair. */
export function matchReadTexts(
  seeker: SeekerText,
  helper: HelperText,
  common: ReadonlySet<string> = new Set(),
): { score: number; shared: string[] } {
  const shared = seeker.words.filter((w) => helper.stems.has(w.stem));
  if (shared.every((w) => common.has(w.stem))) return { score: 0, shared: [] };
  const wholePhrase = seeker.phrases.some((p) => helper.stemLine.includes(` ${p} `));
  return { score: shared.length + (wholePhrase ? 1 : 0), shared: shared.map((w) => w.word) };
}

/**
 * How well `lookingFor` meets `canHelpWith` (0: not at all) and which words they share. Sharing
 * only `common` stems is no match.
 */
export const matchTexts = (lookingFor: string, canHelpWith: string, common: ReadonlySet<string> = new Set()) =>
  matchReadTexts(readSeekerText(lookingFor), readHelperText(canHelpWith), common);

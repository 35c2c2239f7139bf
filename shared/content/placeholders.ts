/**
 * The one placeholder syntax for starters: square brackets, in plain words people can type.
 *
 *   [name]      the person's first name
 *   [detail]    something they told you ("your new puppy Biscuit")
 *   [event]     the event where you last met ("DevConf Leeds")
 *   [how long]  the time since you last spoke ("about 9 months")
 *
 * The library, the user's own starters, the "Write your own" form and copied text all use it.
 * Older spellings are still understood when read (`{firstName}` from Rapport's first version,
 * or a library hint such as `[something they mentioned]` pasted into an own starter), and
 * `normalisePlaceholders` rewrites them to the tokens above.
 */

/** Keys personalisation fills; each has exactly one token. */
export const PLACEHOLDERS = ['firstName', 'detail', 'event', 'timeSince'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

export const PLACEHOLDER_TOKENS: Readonly<Record<Placeholder, string>> = {
  firstName: '[name]',
  detail: '[detail]',
  event: '[event]',
  timeSince: '[how long]',
};

/** For hints and messages: "[name], [detail], [event] or [how long]". */
export const PLACEHOLDER_LIST = `${PLACEHOLDERS.slice(0, -1)
  .map((p) => PLACEHOLDER_TOKENS[p])
  .join(', ')} or ${PLACEHOLDER_TOKENS.timeSince}`;

/** Words accepted inside square brackets (lower case, single spaces), and what they mean. */
const BRACKET_WORDS: Readonly<Record<string, Placeholder>> = {
  name: 'firstName',
  'first name': 'firstName',
  firstname: 'firstName',
  detail: 'detail',
  'something they mentioned': 'detail',
  event: 'event',
  'event name': 'event',
  'how long': 'timeSince',
  'time since': 'timeSince',
  timesince: 'timeSince',
  'a while': 'timeSince',
};

/** The first version's brace spellings, read so that nothing written with them is lost. */
const LEGACY_BRACE_WORDS: Readonly<Record<string, Placeholder>> = {
  firstname: 'firstName',
  detail: 'detail',
  event: 'event',
  timesince: 'timeSince',
};

/** One `[…]` or `{…}` with no other bracket inside it. */
const TOKEN = /\[([^[\]{}]*)\]|\{([^[\]{}]*)\}/g;

const wordsOf = (inner: string) => inner.trim().replace(/\s+/g, ' ').toLowerCase();

/** What a bracketed or braced token stands for, or undefined when it is not a placeholder. */
function placeholderOf(bracketed: string | undefined, braced: string | undefined): Placeholder | undefined {
  if (bracketed !== undefined) return BRACKET_WORDS[wordsOf(bracketed)];
  return LEGACY_BRACE_WORDS[wordsOf(braced ?? '')];
}

/** Keys of the placeholders in a text, each once, in order of first appearance. */
export function placeholdersIn(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const key = placeholderOf(match[1], match[2]);
    if (key && !found.includes(key)) found.push(key);
  }
  return found;
}

/**
 * Replaces each placeholder that has a value. Placeholders without a value are left as they are,
 * so a caller can see what is missing. Values go in literally and in one pass: a value that itself
 * contains "[event]" is never expanded again.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(TOKEN, (whole, bracketed: string | undefined, braced: string | undefined) => {
    const key = placeholderOf(bracketed, braced);
    const value = key === undefined ? undefined : values[key];
    return value === undefined ? whole : value;
  });
}

/** Rewrites every placeholder spelling to its token: `{firstName}` and `[ Name ]` become `[name]`. */
export function normalisePlaceholders(text: string): string {
  return text.replace(TOKEN, (whole, bracketed: string | undefined, braced: string | undefined) => {
    const key = placeholderOf(bracketed, braced);
    return key === undefined ? whole : PLACEHOLDER_TOKENS[key];
  });
}

/** Why a text's brackets are wrong, or undefined when every `[…]` (or old `{…}`) is a known placeholder. */
export function placeholderProblem(text: string): string | undefined {
  let unknown: string | undefined;
  const rest = text.replace(TOKEN, (whole, bracketed: string | undefined, braced: string | undefined) => {
    if (placeholderOf(bracketed, braced) !== undefined) return '';
    unknown ??= whole;
    return '';
  });
  if (unknown !== undefined && /\S/.test(unknown.slice(1, -1))) {
    return `Unknown placeholder ${unknown}: use only ${PLACEHOLDER_LIST}`;
  }
  if (unknown !== undefined || /[[\]{}]/.test(rest)) return 'Unbalanced or empty brackets';
  return undefined;
}

/**
 * Brings text saved by Rapport's first version to today's syntax without losing a word: known
 * placeholders become tokens, and any other square-bracketed words (which were plain text then)
 * keep their words in round brackets, so they can't be mistaken for a placeholder now.
 */
export function upgradeLegacyText(text: string): string {
  const known: string[] = [];
  const shielded = normalisePlaceholders(text).replace(
    TOKEN,
    (whole, bracketed: string | undefined, braced: string | undefined) =>
      placeholderOf(bracketed, braced) === undefined ? whole : `\uE000${known.push(whole) - 1}\uE001`,
  );
  return shielded
    .replace(/[[{]/g, '(')
    .replace(/[\]}]/g, ')')
    .replace(/\uE000(\d+)\uE001/g, (_whole, index: string) => known[Number(index)]!);
}

import { formatISO, parseISO, subMonths } from '../../date-fns.ts';
import type { Interaction } from '../interaction.ts';

/** The part of an interaction reciprocity looks at. `date` is `YYYY-MM-DD`. */
export type ExchangeRecord = Pick<Interaction, 'date' | 'gave' | 'asked' | 'mutual'>;

/** How far back reciprocity looks, in calendar months. */
export const RECIPROCITY_WINDOW_MONTHS = 12;

/**
 * First excluded day of the window: an interaction counts when `windowStart(today) < date <= today`.
 * Calendar months, clamped at month end by date-fns: 12 months before 2028-02-29 is 2027-02-28.
 */
export function reciprocityWindowStart(today: string): string {
  return formatISO(subMonths(parseISO(today), RECIPROCITY_WINDOW_MONTHS), { representation: 'date' });
}

function inWindow(interactions: readonly ExchangeRecord[], today: string): ExchangeRecord[] {
  const start = reciprocityWindowStart(today);
  // ISO dates order correctly as strings.
  return interactions.filter((i) => i.date > start && i.date <= today);
}

export type ReciprocityBalance = {
  /** Favours the user gave (each entry of `gave` counts once). */
  gave: number;
  /** Favours the user asked for. */
  asked: number;
  /** Interactions marked as a two-way exchange. */
  mutual: number;
  /** `gave - asked`: negative means the user has been taking more than giving. */
  balance: number;
};

/**
 * Counts what went each way with one person over the last 12 months: interactions dated after
 * exactly 12 months before `today` (that day itself is out) up to and including `today`.
 * Interactions after `today` (planned, or a clock mix-up) are ignored.
 */
export function reciprocityBalance(interactions: readonly ExchangeRecord[], today: string): ReciprocityBalance {
  let gave = 0;
  let asked = 0;
  let mutual = 0;
  for (const i of inWindow(interactions, today)) {
    gave += i.gave.length;
    asked += i.asked.length;
    if (i.mutual) mutual++;
  }
  return { gave, asked, mutual, balance: gave - asked };
}

/**
 * Whether to suggest giving something before asking again.
 *
 * Rule: within the 12-month window, take the interactions that involved any exchange (something
 * given, something asked, or marked mutual). If the two most recent of those were both asks
 * with nothing given and not mutual, nudge. A give or a mutual exchange resets it, so one ask
 * on its own never nudges; interactions with no exchange at all (a catch-up call) are skipped.
 *
 * Same-day interactions keep the caller's order, the later array entry counting as more recent.
 */
export function shouldNudgeToGive(interactions: readonly ExchangeRecord[], today: string): boolean {
  const exchanges = inWindow(interactions, today)
    .map((interaction, index) => ({ interaction, index }))
    .filter(({ interaction: i }) => i.gave.length > 0 || i.asked.length > 0 || i.mutual);
  exchanges.sort((a, b) =>
    a.interaction.date === b.interaction.date ? b.index - a.index : a.interaction.date < b.interaction.date ? 1 : -1,
  );
  const recent = exchanges.slice(0, 2);
  return (
    recent.length === 2 && recent.every(({ interaction: i }) => i.asked.length > 0 && i.gave.length === 0 && !i.mutual)
  );
}

/** Ideas that suit anyone, used when we know nothing of what the person is looking for. */
export const GENERIC_GIVE_SUGGESTIONS: readonly string[] = [
  'Send them an article or talk that fits what they are working on',
  'Congratulate them on their latest news: a new role, launch or milestone',
  'Offer an introduction to someone in your network they would enjoy meeting',
  'Recommend them or their work to someone who could use it',
];

/** Longest need we quote back before trimming at a word boundary, in characters. */
const MAX_NEED_CHARS = 80;

// Each rule turns one stated need into a concrete thing the user could do; first match wins.
const RULES: ReadonlyArray<{ test: RegExp; write: (need: string) => string }> = [
  {
    test: /\b(role|job|position|opening|opportunit|gig|contract|work as|career|internship|freelance)/i,
    write: (need) => `Pass on any opening you hear of: ${need}`,
  },
  {
    test: /\b(co-?founder|mentor|investor|advis[eo]r|partner|hire|hiring|someone|people|engineer|designer|developer|introduc|contacts?|collaborator)/i,
    write: (need) => `Think of an introduction that could help with: ${need}`,
  },
  {
    test: /\b(clients?|customers?|users?|leads?|sales|funding|sponsors?)\b/i,
    write: (need) => `Recommend them to anyone who might need them: ${need}`,
  },
  {
    test: /\b(advice|feedback|ideas?|tips?|books?|resources?|learn|course|reading|research)/i,
    write: (need) => `Share something useful you know about: ${need}`,
  },
];

/**
 * Turns a person's free-text "Looking for" into up to `max` short things the user could give.
 *
 * The text is split on semicolons, new lines, bullets and commas; each part becomes one
 * suggestion worded by what it asks for (a job lead, an introduction, a referral, knowledge),
 * else a general offer to help. With nothing usable, returns generic ideas instead.
 * @param max how many suggestions at most, ≥ 0 (default 3).
 */
export function giveSuggestions(lookingFor: string | undefined, max = 3): string[] {
  const limit = Math.max(0, Math.floor(max));
  const needs = splitNeeds(lookingFor ?? '');
  if (needs.length === 0) return GENERIC_GIVE_SUGGESTIONS.slice(0, limit);
  return needs.slice(0, limit).map((need) => {
    const rule = RULES.find((r) => r.test.test(need));
    return rule ? rule.write(need) : `Keep an eye out for anything that could help with: ${need}`;
  });
}

function splitNeeds(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[;\n\r•·]|,\s*|\s+-\s+/)) {
    const need = tidy(raw);
    const key = need.toLowerCase();
    if (need.length < 2 || seen.has(key)) continue;
    seen.add(key);
    out.push(need);
  }
  return out;
}

function tidy(raw: string): string {
  // Case is kept as written: a leading capital may be a name ("Berlin investors").
  let s = raw
    .replace(/^\s*(?:[-*]\s*)?(?:and\s+|also\s+)?(?:(?:i'?m\s+|currently\s+)?looking\s+for:?\s*)?/i, '')
    .replace(/[\s.!]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (s.length > MAX_NEED_CHARS) {
    const cut = s.slice(0, MAX_NEED_CHARS);
    s = `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_NEED_CHARS / 2)).trimEnd()}…`;
  }
  return s;
}

import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { differenceInMonths } from 'date-fns/differenceInMonths';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import type { Channel, Placeholder, Starter, StarterSituation } from '../../content/schema.ts';

/**
 * Turns the starter library into a few ready-to-send lines for one person.
 *
 * Privacy rules (why: suggestions can be copied, shown in previews or read over a shoulder):
 * - `sensitive` details are never used, whatever the caller asks.
 * - `private` details are used only when `allowPrivate` is true. Only the main window passes
 *   that (where the person's own notes are already on screen); notifications, tray menus and
 *   anything shared must leave it off, which is the default.
 * - Only `open` details are used: a resolved or expired one ("the job interview") would read
 *   as out of date or, worse, reopen something that went badly.
 */

export interface SuggestDetail {
  id: string;
  text: string;
  sensitivity: 'normal' | 'private' | 'sensitive';
  status: 'open' | 'resolved' | 'expired';
  /** `YYYY-MM-DD` */
  learnedOn: string;
}

export interface SuggestInput {
  person: { firstName: string };
  details: SuggestDetail[];
  /** `YYYY-MM-DD` of the last logged interaction, if any. */
  lastInteractionOn?: string;
  /** Name of the event where that last interaction happened, e.g. "DevConf Leeds". */
  lastEventName?: string;
  /** Restrict to starters for this channel (plus channel-agnostic ones). `any` means no filter. */
  channel?: Channel;
  /** `YYYY-MM-DD`; shared code never reads the clock. */
  today: string;
  /** Starter ids the user has starred; they rank higher within the same kind of suggestion. */
  favourites?: string[];
  limit?: number;
  /** See the privacy rules above: true only for the main window. */
  allowPrivate?: boolean;
}

export interface Suggestion {
  starterId: string;
  text: string;
  usesDetailId?: string;
  situation: StarterSituation;
  channel: Channel;
}

export type PlaceholderValues = Partial<Record<Placeholder, string>>;

/** After six full months a plain "quick question" feels abrupt; acknowledging the gap comes first. */
export const RECONNECT_AFTER_MONTHS = 6;
/** A follow-up is only "prompt" inside this window; later it becomes an ordinary message. */
export const FOLLOW_UP_WITHIN_DAYS = 2;
/** Past this, mentioning the event sounds like reading from notes ("I'm writing up my notes from…"). */
export const EVENT_FRESH_DAYS = 30;
export const DEFAULT_LIMIT = 5;

/** Situations never suggested for a person: congratulating needs news Rapport can't verify,
 * and a graceful exit is said in the moment, not prepared in advance. */
const NEVER_SUGGESTED: ReadonlySet<StarterSituation> = new Set(['congratulate', 'graceful-exit']);

/** Names of the `{placeholders}` in a text, each once, in order of first appearance. */
export function placeholdersIn(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/\{(\w+)\}/g)) {
    const name = match[1] as string;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Replaces each `{name}` that has a value; placeholders without one are left as they are so a
 * caller can see what is missing. Values are inserted literally in one pass, so a value that
 * itself contains `{event}` is never expanded a second time.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = (values as Record<string, string | undefined>)[name];
    return value === undefined ? whole : value;
  });
}

/**
 * How long it has been, in the words a person would use in a message.
 * Undefined under two weeks: "it's been a few days" is not worth remarking on.
 */
export function describeTimeSince(from: string, today: string): string | undefined {
  const start = parseISO(from);
  const end = parseISO(today);
  if (!isValid(start) || !isValid(end)) return undefined;
  if (differenceInCalendarDays(end, start) < 14) return undefined;
  const months = differenceInMonths(end, start);
  if (months < 2) return 'a few weeks';
  if (months < 3) return 'a couple of months';
  if (months < 12) return `about ${months} months`;
  if (months < 24) return 'over a year';
  // Rounding down: "about 2 years" for two and a half is kinder than overstating the gap.
  return `about ${Math.floor(months / 12)} years`;
}

/** Makes user-typed text safe to drop mid-sentence: no braces, no doubled or trailing punctuation. */
function cleanValue(value: string): string {
  return value
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:!?]+$/u, '');
}

/** FNV-1a: a tiny stable hash so ties rotate day to day and person to person, without randomness. */
function hash(input: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

type Context = 'follow-up' | 'reconnect' | 'ordinary';

/** Whole days since the last interaction, or undefined when unknown, unreadable or in the future. */
function daysSinceLast(input: SuggestInput): number | undefined {
  if (!input.lastInteractionOn) return undefined;
  const last = parseISO(input.lastInteractionOn);
  const today = parseISO(input.today);
  if (!isValid(last) || !isValid(today)) return undefined;
  const days = differenceInCalendarDays(today, last);
  // A future date is a typo; guessing either way would mislead.
  return days < 0 ? undefined : days;
}

function contextFor(input: SuggestInput, days: number | undefined, eventName: string): Context {
  if (days === undefined) return 'ordinary';
  if (days <= FOLLOW_UP_WITHIN_DAYS && eventName !== '') return 'follow-up';
  if (differenceInMonths(parseISO(input.today), parseISO(input.lastInteractionOn ?? '')) >= RECONNECT_AFTER_MONTHS) {
    return 'reconnect';
  }
  return 'ordinary';
}

function situationAllowed(starter: Starter, names: string[], context: Context, channel: Channel | undefined): boolean {
  const situation = starter.situation;
  if (NEVER_SUGGESTED.has(situation)) return false;
  if (situation === 'follow-up-48h') return context === 'follow-up';
  if (situation === 'reconnect') return context === 'reconnect';
  if (situation === 'event-small-talk') {
    // Spoken on the spot, so only when the user plans to see them in person; naming the
    // event ("Is this your first {event}?") only makes sense while it is still going on.
    return channel === 'in-person' && (!names.includes('event') || context === 'follow-up');
  }
  return true;
}

export function suggestStarters(input: SuggestInput, library: readonly Starter[]): Suggestion[] {
  const limit = input.limit ?? DEFAULT_LIMIT;
  if (limit <= 0) return [];

  const firstName = cleanValue(input.person.firstName);
  const eventName = cleanValue(input.lastEventName ?? '');
  const days = daysSinceLast(input);
  const context = contextFor(input, days, eventName);
  const channel = input.channel === 'any' ? undefined : input.channel;
  const favourites = new Set(input.favourites ?? []);

  // Most recent first; the sort is stable, so equal dates keep the caller's order.
  const details = input.details
    .filter((d) => d.status === 'open')
    .filter((d) => d.sensitivity === 'normal' || (d.sensitivity === 'private' && input.allowPrivate === true))
    .map((d) => ({ id: d.id, text: cleanValue(d.text), learnedOn: d.learnedOn }))
    .filter((d) => d.text !== '')
    .sort((a, b) => (a.learnedOn < b.learnedOn ? 1 : a.learnedOn > b.learnedOn ? -1 : 0));

  const timeSince = input.lastInteractionOn ? describeTimeSince(input.lastInteractionOn, input.today) : undefined;
  const available: Record<Placeholder, boolean> = {
    firstName: firstName !== '',
    detail: details.length > 0,
    // The event is only known to be the last one they shared if the interaction date says so.
    event: eventName !== '' && days !== undefined && days <= EVENT_FRESH_DAYS,
    timeSince: timeSince !== undefined,
  };
  const seed = `${input.today}|${firstName.toLocaleLowerCase('en-GB')}`;

  const ranked = library
    .filter((s) => channel === undefined || s.channel === channel || s.channel === 'any')
    .map((s) => ({ starter: s, names: placeholdersIn(s.text) }))
    .filter(({ starter, names }) => situationAllowed(starter, names, context, channel))
    // Eligible only if every placeholder can be filled: a stray "{detail}" must never reach a person.
    .filter(({ names }) => names.every((n) => (available as Record<string, boolean | undefined>)[n] === true))
    .map(({ starter, names }) => {
      let score = 0;
      if (starter.situation === 'reconnect' || starter.situation === 'follow-up-48h') score += 100;
      if (names.includes('detail')) score += 50;
      if (favourites.has(starter.id)) score += 30;
      if (names.includes('event') || names.includes('timeSince')) score += 10;
      // Someone already in Rapport is known by name; greeting them by it beats a stranger's opener.
      if (names.includes('firstName')) score += 8;
      if (channel !== undefined && starter.channel === channel) score += 5;
      return { starter, names, score, tie: hash(`${seed}|${starter.id}`) };
    })
    .sort((a, b) => b.score - a.score || a.tie - b.tie || (a.starter.id < b.starter.id ? -1 : 1))
    .slice(0, limit);

  // The first starter that needs a detail gets the most recent one; later ones take the next
  // details in turn, so five suggestions don't all ask about the same thing.
  let detailTurn = 0;
  return ranked.map(({ starter, names }) => {
    const detail = names.includes('detail') ? details[detailTurn++ % details.length] : undefined;
    const text = fillPlaceholders(starter.text, {
      firstName,
      event: eventName,
      timeSince,
      detail: detail?.text,
    });
    const suggestion: Suggestion = {
      starterId: starter.id,
      text,
      situation: starter.situation,
      channel: starter.channel,
    };
    if (detail) suggestion.usesDetailId = detail.id;
    return suggestion;
  });
}

import { differenceInCalendarDays, differenceInMonths, isValid, parseISO } from '../../date-fns.ts';
import {
  fillPlaceholders,
  normalisePlaceholders,
  placeholdersIn,
  type Placeholder,
} from '../../content/placeholders.ts';
import type { Channel, Starter, StarterSituation } from '../../content/schema.ts';
import { detailPhrase } from './detail-phrase.ts';
import { eventNameOf, type LastInteraction } from './event-name.ts';
import { EVENT_FRESH_DAYS, daysBetween, eligible, score, windowFor, type Moment } from './ranking.ts';

// Kept here for callers written before the syntax moved to shared/content/placeholders.ts.
export { fillPlaceholders, placeholdersIn, type PlaceholderValues } from '../../content/placeholders.ts';
export type { LastInteraction } from './event-name.ts';

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
 *
 * Writing rules: a detail is reworded for the message ("his daughter" → "your daughter") and left
 * out when it can't be; `[event]` is only ever an event's real name (never "Practice session");
 * `example` lines, which assume facts about the user, are never suggested.
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
  /** `YYYY-MM-DD` of the last logged interaction, when only the date is known. */
  lastInteractionOn?: string | undefined;
  /** The last logged interaction; its date wins over `lastInteractionOn`. */
  lastInteraction?: LastInteraction | undefined;
  /** gave − asked over the reciprocity window (negative: the user has been asking more than giving). */
  giveAskBalance?: number | undefined;
  /** Restrict to starters for this channel (plus channel-agnostic ones). `any` or none: anything that can be sent. */
  channel?: Channel | undefined;
  /** `YYYY-MM-DD`; shared code never reads the clock. */
  today: string;
  /** Starter ids the user has starred; they rank higher within the same kind of suggestion. */
  favourites?: string[] | undefined;
  limit?: number | undefined;
  /** See the privacy rules above: true only for the main window. */
  allowPrivate?: boolean | undefined;
}

export interface Suggestion {
  starterId: string;
  text: string;
  usesDetailId?: string;
  situation: StarterSituation;
  channel: Channel;
}

export const DEFAULT_LIMIT = 5;

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

/** Makes user-typed text safe to drop mid-sentence: no brackets, no doubled or trailing punctuation. */
function cleanValue(value: string): string {
  return value
    .replace(/[[\]{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:!?]+$/u, '');
}

/** A starter's text with placeholders in one spelling, and which it needs: worked out once per starter. */
const templates = new WeakMap<Starter, { template: string; names: Placeholder[] }>();
function templateOf(starter: Starter): { template: string; names: Placeholder[] } {
  let known = templates.get(starter);
  if (!known) {
    const template = normalisePlaceholders(starter.text);
    templates.set(starter, (known = { template, names: placeholdersIn(template) }));
  }
  return known;
}

/**
 * The `limit` best by score, then `tie`, then id, best first. Picked in one pass rather than by
 * sorting the library: the nudge asks for one, on Today's first computation after a start.
 */
function bestFirst<T extends { starter: Starter; score: number }>(
  entries: readonly T[],
  limit: number,
  tieOf: (starter: Starter) => number,
): T[] {
  const ties = new Map<T, number>();
  const tie = (entry: T) => {
    let value = ties.get(entry);
    if (value === undefined) ties.set(entry, (value = tieOf(entry.starter)));
    return value;
  };
  const before = (a: T, b: T) =>
    a.score !== b.score ? a.score > b.score : tie(a) !== tie(b) ? tie(a) < tie(b) : a.starter.id < b.starter.id;
  const best: T[] = [];
  for (const entry of entries) {
    if (best.length === limit && !before(entry, best[limit - 1]!)) continue;
    let at = best.length;
    while (at > 0 && before(entry, best[at - 1]!)) at--;
    best.splice(at, 0, entry);
    if (best.length > limit) best.pop();
  }
  return best;
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

export function suggestStarters(input: SuggestInput, library: readonly Starter[]): Suggestion[] {
  const limit = input.limit ?? DEFAULT_LIMIT;
  if (limit <= 0) return [];

  const firstName = cleanValue(input.person.firstName);
  const last: LastInteraction | undefined =
    input.lastInteraction ?? (input.lastInteractionOn ? { date: input.lastInteractionOn, type: 'other' } : undefined);
  const days = daysBetween(last?.date, input.today);
  const eventName = eventNameOf(last) ?? '';

  // Most recent first; the sort is stable, so equal dates keep the caller's order. A detail that
  // can't be reworded for the message is left out rather than sent as typed.
  const details = input.details
    .filter((d) => d.status === 'open')
    .filter((d) => d.sensitivity === 'normal' || (d.sensitivity === 'private' && input.allowPrivate === true))
    .map((d) => ({ id: d.id, phrase: detailPhrase(d.text, firstName), learnedOn: d.learnedOn }))
    .filter((d): d is { id: string; phrase: string; learnedOn: string } => d.phrase !== undefined)
    .sort((a, b) => (a.learnedOn < b.learnedOn ? 1 : a.learnedOn > b.learnedOn ? -1 : 0));

  const timeSince = last ? describeTimeSince(last.date, input.today) : undefined;
  const moment: Moment = {
    // Someone with an interaction or a remembered detail has been met; a bare name may be a stranger.
    known: last !== undefined || input.details.length > 0,
    window: windowFor(last, input.today),
    days,
    lastType: last?.type,
    balance: input.giveAskBalance,
    channel: input.channel === 'any' ? undefined : input.channel,
    available: {
      firstName: firstName !== '',
      detail: details.length > 0,
      // The event is only known to be the last one they shared if the interaction date says so.
      event: eventName !== '' && days !== undefined && days <= EVENT_FRESH_DAYS,
      timeSince: timeSince !== undefined,
    },
    favourites: new Set(input.favourites ?? []),
  };
  const seed = `${input.today}|${firstName.toLocaleLowerCase('en-GB')}`;

  const ranked = bestFirst(
    library
      .map((starter) => ({ starter, ...templateOf(starter) }))
      // Eligible only if every placeholder can be filled: a stray "[detail]" must never reach a person.
      .filter(({ starter, names }) => eligible(starter, names, moment))
      .map((entry) => ({ ...entry, score: score(entry.starter, entry.names, moment) })),
    limit,
    // Equal scores rotate day to day and person to person.
    (starter) => hash(`${seed}|${starter.id}`),
  );

  // The first starter that needs a detail gets the most recent one; later ones take the next
  // details in turn, so five suggestions don't all ask about the same thing.
  let detailTurn = 0;
  return ranked.map(({ starter, template, names }) => {
    const detail = names.includes('detail') ? details[detailTurn++ % details.length] : undefined;
    const text = fillPlaceholders(template, {
      firstName,
      event: eventName,
      ...(timeSince !== undefined ? { timeSince } : {}),
      ...(detail ? { detail: detail.phrase } : {}),
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

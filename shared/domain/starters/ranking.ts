import { differenceInCalendarDays, differenceInMonths, isValid, parseISO } from '../../date-fns.ts';
import type { Channel, Placeholder, Starter, StarterSituation } from '../../content/schema.ts';
import type { InteractionType } from '../interaction.ts';
import { EVENT_TYPES, type LastInteraction } from './event-name.ts';
import { factsOf } from './starter-facts.ts';

/**
 * Which starters fit a person right now, and in what order. Pure rules over a `Moment` (what is
 * known about the relationship today); `personalise.ts` builds the moment and fills the text.
 */

/** After six full months a plain hello feels abrupt; acknowledging the gap comes first, and asks wait. */
export const RECONNECT_AFTER_MONTHS = 6;
/** A follow-up is only "prompt" inside this window. */
export const FOLLOW_UP_WITHIN_DAYS = 2;
/** Past this, mentioning the event sounds like reading from notes, and a late follow-up is just late. */
export const EVENT_FRESH_DAYS = 30;
/** A check-in means something once a couple of weeks have gone by. */
export const CHECK_IN_AFTER_DAYS = 14;

/** Situations never suggested: they depend on news, plans or a moment Rapport can't know about. */
export const NEVER_SUGGESTED: ReadonlySet<StarterSituation> = new Set([
  'congratulate',
  'graceful-exit',
  'see-you-there',
  'share-news',
]);
/** Said out loud: only offered when the user picks that channel. */
const SPOKEN: ReadonlySet<Channel> = new Set(['in-person', 'phone']);
const ONLINE_TYPES: ReadonlySet<InteractionType> = new Set(['email', 'message', 'social', 'video-call']);

/**
 * Where the relationship stands today:
 * - `follow-up` / `late-follow-up`: they met at an event, within 2 days / within 30 days;
 * - `check-in`: 2 weeks to 6 months since they last spoke;
 * - `reconnect`: 6 months or more;
 * - `recent`: spoke within 2 weeks (not at an event);
 * - `none`: nothing logged (or a date that can't be read).
 */
export type Window = 'follow-up' | 'late-follow-up' | 'check-in' | 'reconnect' | 'recent' | 'none';

export interface Moment {
  /** Someone the user has spoken to or learned something about, versus a name only. */
  known: boolean;
  window: Window;
  days?: number | undefined;
  lastType?: InteractionType | undefined;
  /** gave − asked over the last 12 months; negative: the user has been asking more than giving. */
  balance?: number | undefined;
  /** The requested channel; undefined means "anything that can be sent". */
  channel?: Channel | undefined;
  available: Readonly<Record<Placeholder, boolean>>;
  favourites: ReadonlySet<string>;
}

/** Whole days since `from`, or undefined when unreadable or in the future (a typo either way). */
export function daysBetween(from: string | undefined, today: string): number | undefined {
  if (!from) return undefined;
  const start = parseISO(from);
  const end = parseISO(today);
  if (!isValid(start) || !isValid(end)) return undefined;
  const days = differenceInCalendarDays(end, start);
  return days < 0 ? undefined : days;
}

export function windowFor(last: Pick<LastInteraction, 'date' | 'type'> | undefined, today: string): Window {
  const days = daysBetween(last?.date, today);
  if (days === undefined || !last) return 'none';
  const atEvent = EVENT_TYPES.has(last.type);
  if (atEvent && days <= FOLLOW_UP_WITHIN_DAYS) return 'follow-up';
  if (differenceInMonths(parseISO(today), parseISO(last.date)) >= RECONNECT_AFTER_MONTHS) return 'reconnect';
  if (atEvent && days <= EVENT_FRESH_DAYS) return 'late-follow-up';
  return days >= CHECK_IN_AFTER_DAYS ? 'check-in' : 'recent';
}

function situationFits(starter: Starter, names: readonly Placeholder[], m: Moment): boolean {
  const { window } = m;
  switch (starter.situation) {
    case 'follow-up-48h':
      return window === 'follow-up';
    case 'late-follow-up':
      return window === 'late-follow-up';
    case 'reconnect':
      return window === 'reconnect';
    case 'check-in':
      return (window === 'none' || ((m.days ?? 0) >= CHECK_IN_AFTER_DAYS && window !== 'reconnect')) && m.known;
    case 'event-small-talk':
    case 'quiet-networking':
      // Said on the spot, so only when the user plans to see them in person; naming the event
      // ("your first time at [event]?") only makes sense while it is still going on.
      return m.channel === 'in-person' && (!names.includes('event') || window === 'follow-up');
    case 'classmates':
      return m.lastType === 'course';
    case 'meet-in-person':
      return m.known && window !== 'follow-up' && window !== 'reconnect';
    default:
      return !NEVER_SUGGESTED.has(starter.situation);
  }
}

/**
 * Whether a starter may be suggested at all: true for anyone who sends it, on the right channel,
 * for this kind of relationship, fitting the moment, and with every placeholder fillable.
 */
export function eligible(starter: Starter, names: readonly Placeholder[], m: Moment): boolean {
  const facts = factsOf(starter);
  if (facts.kind === 'example') return false;
  if (
    m.channel === undefined ? SPOKEN.has(starter.channel) : starter.channel !== m.channel && starter.channel !== 'any'
  ) {
    return false;
  }
  // No "is this your first time here?" for someone you already know, and no "last time we spoke"
  // for someone you have only a name for.
  if (facts.relationship === 'stranger' && m.known) return false;
  if (facts.relationship === 'known' && !m.known) return false;
  // After a long silence, the first message should not ask for something.
  if (facts.intent === 'ask' && m.window === 'reconnect') return false;
  if (!situationFits(starter, names, m)) return false;
  return names.every((n) => m.available[n]);
}

const OWN_WINDOW_SITUATION: Partial<Record<Window, StarterSituation>> = {
  'follow-up': 'follow-up-48h',
  'late-follow-up': 'late-follow-up',
  'check-in': 'check-in',
  reconnect: 'reconnect',
};

/**
 * Higher first. The moment's own situation leads (a follow-up within 48 hours, a reconnect after
 * six months); a line about something they told you comes next. When the user has been asking
 * more than giving, offers of help move up and asks move down, far enough that every eligible
 * offer ranks above every ask.
 */
export function score(starter: Starter, names: readonly Placeholder[], m: Moment): number {
  const { intent } = factsOf(starter);
  let total = 0;
  if (OWN_WINDOW_SITUATION[m.window] === starter.situation) total += 100;
  // After a class, classmates' lines are as timely as a follow-up; later they are simply relevant.
  if (starter.situation === 'classmates' && m.lastType === 'course')
    total += (m.days ?? Infinity) <= EVENT_FRESH_DAYS ? 100 : 40;
  if (starter.situation === 'meet-in-person' && m.lastType && ONLINE_TYPES.has(m.lastType)) total += 30;
  if (names.includes('detail')) total += 40;
  if (m.balance !== undefined && m.balance < 0) {
    if (intent === 'give') total += 60;
    if (intent === 'ask') total -= 60;
  }
  if (m.favourites.has(starter.id)) total += 30;
  if (names.includes('event') || names.includes('timeSince')) total += 10;
  // Someone already in Rapport is known by name; greeting them by it beats a general line.
  if (names.includes('firstName')) total += 8;
  if (m.channel !== undefined && starter.channel === m.channel) total += 5;
  return total;
}

import { differenceInCalendarMonths, formatISO, parseISO, subMonths } from '../../date-fns.ts';
import type { Tier } from '../contact.ts';
import type { ExchangeRecord } from '../reciprocity/balance.ts';

export type GuardInput = {
  jobHuntMode: boolean;
  /** N: how many months without contact before an ask gets the guard. */
  guardMonths: number;
  tier: Tier | undefined;
  /** Every interaction with the person up to today (any order); only dates and favours are read. */
  interactions: readonly ExchangeRecord[];
  /** `YYYY-MM-DD`. */
  today: string;
};

export type GuardResult =
  | { show: false }
  | {
      show: true;
      /** `never`: nothing was ever logged with them; `long-gap`: the last contact is over N months old. */
      reason: 'never' | 'long-gap';
      /** Last day anything was logged with them, when there is one. */
      lastContactOn?: string;
      /** Whole calendar months since that day. */
      monthsSince?: number;
    };

/**
 * The job-hunt guard: before asking someone for something, should the app suggest reconnecting
 * first?
 *
 * Rule: only in job-hunt mode. Someone in the Close tier never gets it (the user has said the
 * relationship is not transactional). Otherwise it shows when nothing was logged with them (no
 * conversation, nothing given) within the last N calendar months: the last interaction dated on or
 * before today falls strictly before the day N months ago, or there is none. An interaction
 * exactly N months ago still counts as recent. Giving always happens in an interaction, so "not
 * given to or spoken to" is one test of the last contact day. Future-dated (planned) entries are
 * ignored.
 */
export function jobHuntGuard(input: GuardInput): GuardResult {
  if (!input.jobHuntMode || input.tier === 'close') return { show: false };
  const past = input.interactions.filter((i) => i.date <= input.today).map((i) => i.date);
  if (past.length === 0) return { show: true, reason: 'never' };
  const last = past.reduce((a, b) => (a > b ? a : b));
  const cutoff = formatISO(subMonths(parseISO(input.today), input.guardMonths), { representation: 'date' });
  if (last >= cutoff) return { show: false };
  return {
    show: true,
    reason: 'long-gap',
    lastContactOn: last,
    monthsSince: differenceInCalendarMonths(parseISO(input.today), parseISO(last)),
  };
}

import { z } from 'zod';
import type { Tier } from './contact.ts';
import { lazyObject } from '../lazy-schema.ts';

/** How often to be in touch: due after `idealDays`, overdue after `maxDays`. */
const DAYS = 'Use a whole number of days from 1 to 3,650';
const days = () => z.number({ error: DAYS }).int(DAYS).min(1, DAYS).max(3650, DAYS);

export const Cadence = lazyObject(() => ({
  idealDays: days(),
  maxDays: days(),
})).refine((c) => c.maxDays >= c.idealDays, {
  message: 'Make the maximum at least as long as the ideal',
  path: ['maxDays'],
});
export type Cadence = z.infer<typeof Cadence>;

export type TierCadences = Record<Tier, Cadence>;

/** Editable in Settings; these are the defaults a new profile starts with. */
export const DEFAULT_TIER_CADENCES: TierCadences = {
  close: { idealDays: 21, maxDays: 35 },
  regular: { idealDays: 61, maxDays: 91 },
  occasional: { idealDays: 183, maxDays: 274 },
  yearly: { idealDays: 365, maxDays: 456 },
};

/** Each tier's name alone, where the rhythm is said elsewhere or not needed (a filter). */
export const TIER_NAMES: Record<Tier, string> = {
  close: 'Close',
  regular: 'Regular',
  occasional: 'Occasional',
  yearly: 'Yearly',
};

const plural = (n: number, unit: string) => (n === 1 ? `every ${unit}` : `every ${n} ${unit}s`);
const DAYS_A_MONTH = 365.25 / 12;

/**
 * How often `idealDays` is, in words: "every 2 weeks", "every 2 months", "every year", or in days
 * when no larger unit says it truly (45 days is not "every 6 weeks"). A year within a day, then a
 * month within two days of a whole number of months (61 days is two months), then whole weeks.
 */
export function everyPhrase(idealDays: number): string {
  const years = Math.round(idealDays / 365.25);
  if (years >= 1 && Math.abs(idealDays - years * 365.25) <= 1) return plural(years, 'year');
  const months = Math.round(idealDays / DAYS_A_MONTH);
  if (months >= 1 && Math.abs(idealDays - months * DAYS_A_MONTH) <= 2) return plural(months, 'month');
  if (idealDays % 7 === 0) return plural(idealDays / 7, 'week');
  return plural(idealDays, 'day');
}

/**
 * A tier as the rhythm pickers show it, from the rhythms set in Settings: "Close (every 3
 * weeks)". Yearly at a year says just "Yearly".
 */
export function tierLabel(tier: Tier, cadences: TierCadences): string {
  const every = everyPhrase(cadences[tier].idealDays);
  return tier === 'yearly' && every === 'every year' ? TIER_NAMES.yearly : `${TIER_NAMES[tier]} (${every})`;
}

/** Every tier's label (`tierLabel`). */
export const tierLabels = (cadences: TierCadences): Record<Tier, string> => ({
  close: tierLabel('close', cadences),
  regular: tierLabel('regular', cadences),
  occasional: tierLabel('occasional', cadences),
  yearly: tierLabel('yearly', cadences),
});

import { formatISO, parseISO, startOfISOWeek } from '../../date-fns.ts';
import type { Interaction } from '../interaction.ts';

/** Monday of the week `today` (`YYYY-MM-DD`) falls in. */
export const weekStartOf = (today: string): string =>
  formatISO(startOfISOWeek(parseISO(today)), { representation: 'date' });

export type TouchRecord = Pick<Interaction, 'date' | 'asked'>;

/**
 * How many no-ask touches the user made this week: interactions dated from Monday of this week
 * up to and including today in which they asked for nothing. A give, a catch-up or a
 * congratulation counts; an interaction with any ask does not. Each interaction counts once,
 * however many people were in it.
 */
export function noAskTouchesThisWeek(interactions: readonly TouchRecord[], today: string): number {
  const start = weekStartOf(today);
  return interactions.filter((i) => i.date >= start && i.date <= today && i.asked.length === 0).length;
}

import { z } from 'zod';
import type { Tier } from './contact.ts';
import { lazyObject } from '../lazy-schema.ts';

/** How often to be in touch: due after `idealDays`, overdue after `maxDays`. */
export const Cadence = lazyObject(() => ({
  idealDays: z.number().int().min(1).max(3650),
  maxDays: z.number().int().min(1).max(3650),
})).refine((c) => c.maxDays >= c.idealDays, {
  message: 'The maximum must not be shorter than the ideal',
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

export const TIER_LABELS: Record<Tier, string> = {
  close: 'Close (every 3 weeks)',
  regular: 'Regular (every 2 months)',
  occasional: 'Occasional (every 6 months)',
  yearly: 'Yearly',
};

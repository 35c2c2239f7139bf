import { z } from 'zod';
import { Cadence, DEFAULT_TIER_CADENCES } from './cadence.ts';
import { Tier } from './contact.ts';
import { lazyObject } from '../lazy-schema.ts';

export const KeepInTouchSettings = lazyObject(() => ({
  tiers: z.object({ close: Cadence, regular: Cadence, occasional: Cadence, yearly: Cadence }),
  /** The rhythm people added without one start with (quick-log new people, imports); none when absent. */
  defaultTier: Tier.optional(),
}));
export type KeepInTouchSettings = z.infer<typeof KeepInTouchSettings>;

export const DEFAULT_KEEP_IN_TOUCH: KeepInTouchSettings = { tiers: DEFAULT_TIER_CADENCES };

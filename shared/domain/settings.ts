import { z } from 'zod';
import { Cadence, DEFAULT_TIER_CADENCES } from './cadence.ts';

export const KeepInTouchSettings = z.object({
  tiers: z.object({ close: Cadence, regular: Cadence, occasional: Cadence, yearly: Cadence }),
});
export type KeepInTouchSettings = z.infer<typeof KeepInTouchSettings>;

export const DEFAULT_KEEP_IN_TOUCH: KeepInTouchSettings = { tiers: DEFAULT_TIER_CADENCES };

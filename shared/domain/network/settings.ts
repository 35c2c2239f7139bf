import { z } from 'zod';
import { lazyObject } from '../../lazy-schema.ts';

/** How the user is networking right now (Network screen); synced between their devices. */
export const NetworkSettings = lazyObject(() => ({
  /** Touches with no ask the user aims for each week (Monday to Sunday), shown on Today. */
  weeklyNoAskTarget: z.number().int().min(0).max(50),
  /** Job-hunt mode turns on the reconnect-first guard before an ask. */
  jobHuntMode: z.boolean(),
  /** The guard speaks up after this many months without speaking to or giving to someone. */
  guardMonths: z.number().int().min(1).max(60),
}));
export type NetworkSettings = z.infer<typeof NetworkSettings>;

export const DEFAULT_NETWORK_SETTINGS: NetworkSettings = { weeklyNoAskTarget: 3, jobHuntMode: false, guardMonths: 6 };

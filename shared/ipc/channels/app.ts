import { z } from 'zod';
import { IsoDate } from '../../domain/contact.ts';
import { DatabaseState } from './lifecycle.ts';
import { channel } from '../../lazy-schema.ts';

/** The app's screens, in navigation order; the renderer routes by them. */
export const Screen = z.enum(['today', 'timeline', 'people', 'events', 'practice', 'starters', 'network', 'settings']);
export type Screen = z.infer<typeof Screen>;

export const appRequests = {
  'app.info': channel(() => ({
    input: z.object({}),
    output: z.object({
      version: z.string(),
      mode: z.enum(['desktop', 'browser']),
      dataDir: z.string(),
      /** False while the core runs on an in-memory storage: nothing survives a restart. */
      persistent: z.boolean(),
      /** The core's calendar day (`--today` in browser mode can fix it). */
      today: IsoDate,
      database: DatabaseState,
    }),
  })),
} as const;

export type AppInfo = z.infer<(typeof appRequests)['app.info']['output']>;

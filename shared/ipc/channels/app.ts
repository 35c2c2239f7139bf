import { z } from 'zod';
import { IsoDate } from '../../domain/contact.ts';

export const Screen = z.enum(['today', 'timeline', 'people', 'practice', 'starters', 'settings']);
export type Screen = z.infer<typeof Screen>;

export const appRequests = {
  'app.info': {
    input: z.object({}),
    output: z.object({
      version: z.string(),
      mode: z.enum(['desktop', 'browser']),
      dataDir: z.string(),
      /** False while the core runs on an in-memory storage: nothing survives a restart. */
      persistent: z.boolean(),
      /** The core's calendar day (`--today` in browser mode can fix it). */
      today: IsoDate,
    }),
  },
} as const;

export const appEvents = {
  /** The desktop shell (menu, tray) asks the window to show a screen. */
  'app.navigate': z.object({ screen: Screen }),
} as const;

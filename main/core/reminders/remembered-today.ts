import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { TodayView } from '../../../shared/domain/reminders/views.ts';
import { wallClock } from '../../../shared/domain/reminders/zoned.ts';
import type { Clock } from '../clock.ts';
import { writeMarks, type RapportDatabase } from '../db/database.ts';
import { writeFileAtomicAsync } from '../lifecycle/atomic-file.ts';
import { REMINDER_INPUTS } from './live.ts';

export const REMEMBERED_TODAY_FILENAME = 'rapport-today.json';

/** The file: Today's view as last computed, and everything that has to be unchanged for it to hold. */
const RememberedToday = z.object({
  format: z.literal(1),
  /** The app version that computed it: another may compute differently or ship other starters. */
  version: z.string(),
  /** The shell could notify: the nudge put off until tonight says whether a notification will come. */
  notifies: z.boolean().optional(),
  zone: z.string(),
  /** Where the latest write to each input stood before the computation read anything. */
  marks: z.string(),
  computedAt: z.number(),
  /** The moment the view changes by itself (midnight, a snooze's end, tonight's reminder). */
  nextAt: z.number(),
  view: TodayView,
});
type RememberedToday = z.infer<typeof RememberedToday>;

type Compute = () => Promise<{ value: TodayView; nextAt: Date }>;

export interface TodayMemoryDeps {
  db: RapportDatabase;
  clock: Clock;
  dataDir: string;
  version: string;
  notifies: boolean;
  timeZone: () => string;
}

/**
 * Today as last computed, kept beside the database so that the next start can show it at once.
 * At 50,000 people the computation takes half a second; checking the file and reading it back
 * about 45 ms (zod checking the 93 KB view, and the first look-up of the time zone). It is
 * derived data with its exact key, never a guess: it is used only when no input collection has
 * been written since (their storage's write marks, which every writer moves, other processes
 * and replication included), on the same day before its own `nextAt`, in the same zone and app
 * version. Anything else, and any file that does not parse, computes afresh as before.
 */
export function createTodayMemory(deps: TodayMemoryDeps) {
  const file = join(deps.dataDir, REMEMBERED_TODAY_FILENAME);
  let writing: Promise<void> = Promise.resolve();
  let pending: string | undefined;

  async function recall(): Promise<{ value: TodayView; nextAt: Date } | undefined> {
    let kept: RememberedToday;
    try {
      const parsed = RememberedToday.safeParse(JSON.parse(await readFile(file, 'utf8')));
      if (!parsed.success) return undefined;
      kept = parsed.data;
    } catch {
      return undefined; // missing, unreadable or torn: compute instead
    }
    const now = deps.clock.now();
    const zone = deps.timeZone();
    const holds =
      kept.version === deps.version &&
      kept.notifies === deps.notifies &&
      kept.zone === zone &&
      // A clock set back could let a later write carry an earlier mark than the one kept.
      kept.computedAt <= now.getTime() &&
      now.getTime() < kept.nextAt &&
      kept.view.today === wallClock(now, zone).day &&
      kept.marks === writeMarks(deps.db, REMINDER_INPUTS);
    return holds ? { value: kept.view, nextAt: new Date(kept.nextAt) } : undefined;
  }

  /** Keeps a result computed after `marks` were taken; only the latest waiting write is made. */
  function keep(marks: string, zone: string, computedAt: Date, result: { value: TodayView; nextAt: Date }): void {
    const content: RememberedToday = {
      format: 1,
      version: deps.version,
      notifies: deps.notifies,
      zone,
      marks,
      computedAt: computedAt.getTime(),
      nextAt: result.nextAt.getTime(),
      view: result.value,
    };
    const first = pending === undefined;
    pending = JSON.stringify(content);
    if (!first) return;
    writing = writing.then(async () => {
      const text = pending!;
      pending = undefined;
      // Losing it costs one computation at the next start, so no flush to disk.
      await writeFileAtomicAsync(file, text, { flush: false }).catch(() => {});
    });
  }

  return {
    /**
     * `compute`, answered from the file on its first run when the file holds, and kept in the
     * file after every run that computed. A write during a computation leaves a mark older than
     * the data, so that result is never used (the marks are taken before any read).
     */
    remembering(compute: Compute): Compute {
      let first = true;
      return async () => {
        if (first) {
          first = false;
          const recalled = await recall();
          if (recalled) return recalled;
        }
        const marks = writeMarks(deps.db, REMINDER_INPUTS);
        const zone = deps.timeZone();
        const computedAt = deps.clock.now();
        const result = await compute();
        if (marks !== undefined) keep(marks, zone, computedAt, result);
        return result;
      };
    },
    /** Waits for the file write in progress. */
    flush: () => writing,
  };
}

export type TodayMemory = ReturnType<typeof createTodayMemory>;

import type { Clock } from '../clock.ts';
import { writeMarks, type RapportDatabase } from '../db/database.ts';
import { REMINDER_INPUTS } from './live.ts';

/** What a snapshot needs to be shared: when it was taken and until when its schedule holds. */
interface Timed {
  now: Date;
  schedule: { nextChangeAt: Date };
}

/**
 * One snapshot for everyone who asks while nothing it read has changed. The tray's due count, the
 * notification loop and the Today screen each ask for one at start and after every change; at
 * 50,000 people a snapshot reads thousands of rows (about 200 ms), so computing it once instead
 * of three times is most of a start's reminder work.
 *
 * A snapshot is reused while the write marks of every input are unchanged (taken before it read
 * anything, so a write during the computation is never hidden), in the same time zone, and until
 * its schedule's next change; a caller gets it with its own `now`. Callers arriving while one is
 * being computed wait for it, and so do callers woken together when one expires (the loop, the tray
 * and Today at midnight). A failed computation is forgotten, so the next caller tries again.
 */
export function sharedSnapshots<S extends Timed>(
  deps: { db: RapportDatabase; clock: Clock; timeZone: () => string },
  compute: () => Promise<S>,
): () => Promise<S> {
  let last: { key: string; snapshot: Promise<S> } | undefined;
  return async () => {
    for (;;) {
      const marks = writeMarks(deps.db, REMINDER_INPUTS);
      if (marks === undefined) return compute();
      const key = `${deps.timeZone()}\n${marks}`;
      const seen = last;
      if (seen?.key === key) {
        const kept = await seen.snapshot.catch(() => undefined);
        const now = deps.clock.now();
        if (kept && kept.now.getTime() <= now.getTime() && now.getTime() < kept.schedule.nextChangeAt.getTime())
          return { ...kept, now };
        // Callers woken together at the next change all find the old one stale: the first computes,
        // the others share what it started while they waited.
        if (last !== seen) continue;
      }
      const snapshot = compute();
      const entry = { key, snapshot };
      last = entry;
      snapshot.catch(() => {
        if (last === entry) last = undefined;
      });
      return snapshot;
    }
  };
}

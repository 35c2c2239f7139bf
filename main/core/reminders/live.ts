import { auditTime, merge, Observable } from 'rxjs';
import type { Clock } from '../clock.ts';
import type { RapportDatabase } from '../db/database.ts';
import { startTimerLoop, type Timers } from '../jobs/timer-loop.ts';

export { MAX_SLEEP_MS, realTimers, type Timers } from '../jobs/timer-loop.ts';

/**
 * Every collection reminders are computed from: people through their derived index row (which
 * also carries the last contact day), the waiting follow-ups, interactions, details and settings
 * (rhythms, holds, the nudge).
 */
export const REMINDER_INPUTS = ['people_index', 'follow_ups', 'interactions', 'details', 'settings'] as const;

/**
 * Any write that can change reminders. The derived follow-ups are written after the detail or
 * interaction they follow from, so they are watched too: a recomputation that ran in between
 * would otherwise keep the old answer until the next change.
 */
export function reminderChanges(db: RapportDatabase): Observable<unknown> {
  return merge(...REMINDER_INPUTS.map((name) => db[name].$));
}

/**
 * A live query recomputed after data changes (coalesced over `auditMs`) and again at the next
 * moment the answer changes by itself (`nextAt`). Runs never overlap; a change during a run
 * queues one more.
 */
export function liveRecompute<T>(
  clock: Clock,
  changes: Observable<unknown>,
  compute: () => Promise<{ value: T; nextAt: Date }>,
  options: { timers?: Timers; auditMs?: number; runAtStart?: boolean } = {},
): Observable<T> {
  return new Observable<T>((subscriber) => {
    let started = options.runAtStart ?? true;
    const loop = startTimerLoop({
      clock,
      timers: options.timers,
      minSleepMs: 1000,
      step: async () => {
        // Without runAtStart, the first run waits for the first value of `changes`.
        if (!started) return null;
        const { value, nextAt } = await compute();
        if (!subscriber.closed) subscriber.next(value);
        return nextAt;
      },
      onError: (error) => subscriber.error(error),
    });
    const subscription = changes.pipe(auditTime(options.auditMs ?? 30)).subscribe(() => {
      started = true;
      void loop.wake();
    });
    return () => {
      subscription.unsubscribe();
      void loop.stop();
    };
  });
}

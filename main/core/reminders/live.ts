import { auditTime, merge, Observable } from 'rxjs';
import type { RapportDatabase } from '../db/database.ts';

/** The longest any live reminder view sleeps, so a wall-clock jump is noticed within an hour. */
export const MAX_SLEEP_MS = 3_600_000;

/** Any write that can change reminders: people, interactions, details, settings (holds, nudge). */
export function reminderChanges(db: RapportDatabase): Observable<unknown> {
  return merge(db.contacts.$, db.interactions.$, db.details.$, db.settings.$);
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
export const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // A pending reminder must never keep a CLI or test process alive.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * A live query recomputed after data changes (coalesced over `auditMs`) and again at the next
 * moment the answer changes by itself (`nextAt`, capped at `MAX_SLEEP_MS`). Runs never overlap;
 * a change during a run queues one more.
 */
export function liveRecompute<T>(
  changes: Observable<unknown>,
  compute: () => Promise<{ value: T; nextAt: Date; now: Date }>,
  timers: Timers = realTimers,
  auditMs = 30,
  /** False: wait for the first value of `changes` instead of computing at once. */
  runAtStart = true,
): Observable<T> {
  return new Observable<T>((subscriber) => {
    let timer: unknown;
    let running = false;
    let again = false;
    let closed = false;
    const run = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const { value, nextAt, now } = await compute();
          if (closed) return;
          subscriber.next(value);
          timers.clearTimeout(timer);
          timer = timers.setTimeout(
            () => void run(),
            Math.min(Math.max(nextAt.getTime() - now.getTime(), 1000), MAX_SLEEP_MS),
          );
        } while (again && !closed);
      } catch (error) {
        if (!closed) subscriber.error(error);
      } finally {
        running = false;
      }
    };
    const subscription = changes.pipe(auditTime(auditMs)).subscribe(() => void run());
    if (runAtStart) void run();
    return () => {
      closed = true;
      timers.clearTimeout(timer);
      subscription.unsubscribe();
    };
  });
}

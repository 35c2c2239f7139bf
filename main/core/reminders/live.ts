import { auditTime, filter, merge, Observable } from 'rxjs';
import type { Clock } from '../clock.ts';
import type { RapportDatabase, ReadInput } from '../db/database.ts';
import { KEEP_IN_TOUCH } from '../settings/keep-in-touch.ts';
import { REMINDER_SETTINGS, REMINDER_STATE } from './store.ts';
import { startTimerLoop, type Timers } from '../jobs/timer-loop.ts';

export { MAX_SLEEP_MS, realTimers, type Timers } from '../jobs/timer-loop.ts';

/**
 * Everything reminders are computed from: people through their derived index row (which also
 * carries the last contact day), the waiting follow-ups and meetings, interactions, details, and three
 * settings (rhythms; holds and the nudge; reminders' own). Other settings change often (the
 * projector's checkpoint after every pass, the notification log) and say nothing about Today.
 */
export const REMINDER_INPUTS: readonly ReadInput[] = [
  'people_index',
  'follow_ups',
  'meetings',
  'interactions',
  'details',
  { collection: 'settings', ids: [KEEP_IN_TOUCH.id, REMINDER_STATE.id, REMINDER_SETTINGS.id] },
];

/**
 * Any write that can change reminders. The derived follow-ups and meetings are written after the
 * detail or interaction they follow from, so they are watched too: a recomputation that ran in between
 * would otherwise keep the old answer until the next change.
 */
export function reminderChanges(db: RapportDatabase): Observable<unknown> {
  return merge(
    ...REMINDER_INPUTS.map((input) =>
      typeof input === 'string'
        ? db[input].$
        : (db[input.collection].$ as Observable<{ documentId: string }>).pipe(
            filter((change) => input.ids.includes(change.documentId)),
          ),
    ),
  );
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

import { Observable } from 'rxjs';
import { startTimerLoop } from './jobs/timer-loop.ts';

/** The only way core code learns the time, so tests and the browser mode can fix "today". */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock frozen at `iso`, for tests and for `serve --today` demos. */
export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`Not a date: "${iso}"`);
  return { now: () => new Date(at) };
}

/**
 * A local calendar day as `YYYY-MM-DD`. Written out rather than with date-fns' `format`, which
 * loads its whole formatting and locale machinery (about 40 MB resident) into the main process.
 */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The user's calendar day, `YYYY-MM-DD`, in the machine's time zone. */
export function todayOf(clock: Clock): string {
  return localDay(clock.now());
}

/**
 * Emits today's date now and again just after each local midnight, so "due today" views roll
 * over without polling. A timer that fires late (sleep) still emits the right date on wake.
 */
export function today$(clock: Clock): Observable<string> {
  return new Observable<string>((subscriber) => {
    const loop = startTimerLoop({
      clock,
      minSleepMs: 1000,
      async step() {
        const now = clock.now();
        subscriber.next(localDay(now));
        return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
      },
      onError: (error) => subscriber.error(error),
    });
    return () => void loop.stop();
  });
}

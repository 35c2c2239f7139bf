/**
 * The one "sleep until the next moment something is due, at most an hour" loop of the core. The
 * reminder notifications, the live Today view and the backup schedule all run on it.
 *
 * Sleeps are capped at an hour so a wall-clock jump (a laptop asleep overnight, a time-zone
 * change) is noticed even when the desktop shell does not report it.
 */
import type { Clock } from '../clock.ts';

export const MAX_SLEEP_MS = 3_600_000;

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout(run, ms) {
    const handle = setTimeout(run, ms);
    // A pending job must never keep a CLI or test process alive.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Why a step runs: the loop started, someone called `wake`, the sleep for the time the previous
 * step asked for ran its full length (`due`), or an hour passed before that time (`recheck`).
 */
export type WakeReason = 'start' | 'wake' | 'due' | 'recheck';

export interface TimerLoop {
  /** Runs a step now (after a running one); calls while one is queued share it. */
  wake(): Promise<void>;
  /** Cancels the timer and waits for a running step. */
  stop(): Promise<void>;
}

export interface TimerLoopOptions {
  clock: Clock;
  /** Does the work and returns when to run next, or null to sleep until woken. */
  step(reason: WakeReason): Promise<Date | null>;
  onError(error: unknown): void;
  timers?: Timers;
  /** The shortest sleep, so a step that keeps asking for "now" cannot spin. */
  minSleepMs?: number;
}

export function startTimerLoop(options: TimerLoopOptions): TimerLoop {
  const timers = options.timers ?? realTimers;
  const minSleep = options.minSleepMs ?? 0;
  let timer: unknown;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;

  function sleepUntil(next: Date | null) {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    if (stopped || !next) return;
    const wanted = Math.max(next.getTime() - options.clock.now().getTime(), minSleep);
    const ms = Math.min(wanted, MAX_SLEEP_MS);
    timer = timers.setTimeout(() => {
      timer = undefined;
      void run(ms === wanted ? 'due' : 'recheck');
    }, ms);
  }

  function run(reason: WakeReason): Promise<void> {
    if (stopped) return current;
    if (queued) return queued;
    queued = current.then(async () => {
      queued = undefined;
      if (stopped) return;
      try {
        sleepUntil(await options.step(reason));
      } catch (error) {
        if (stopped) return;
        options.onError(error);
        // Try again within the hour rather than never.
        sleepUntil(new Date(options.clock.now().getTime() + MAX_SLEEP_MS));
      }
    });
    current = queued;
    return queued;
  }

  void run('start');
  return {
    wake: () => run('wake'),
    async stop() {
      stopped = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      await current;
    },
  };
}

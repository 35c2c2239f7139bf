/**
 * Runs a job when it is due: sleeps until the next due time (asked from `nextDue` each round,
 * so settings changes and manual runs are taken into account via `wake`), then runs it.
 *
 * Sleeps are capped at an hour so a wall-clock jump (laptop asleep overnight, time-zone change)
 * is noticed. A sleep that lasted its full planned length runs the job even if the clock did not
 * move, so a frozen clock (`serve --today`) still gets its backups.
 */
import type { Clock } from '../clock.ts';

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const nodeTimers: Timers = {
  set(run, ms) {
    const handle = setTimeout(run, ms);
    // A pending backup must never keep a CLI or test process alive.
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const MAX_SLEEP_MS = 3_600_000;

export interface Scheduler {
  /** Re-reads the due time now (after a settings change or a manual run). */
  wake(): void;
  /** Cancels the timer and waits for a running job to finish. */
  stop(): Promise<void>;
}

export function startScheduler(options: {
  clock: Clock;
  /** The next due time, or null when scheduling is off. */
  nextDue: () => Promise<Date | null>;
  run: () => Promise<void>;
  timers?: Timers;
  onError?: (error: unknown) => void;
}): Scheduler {
  const timers = options.timers ?? nodeTimers;
  const onError = options.onError ?? ((error) => console.error('[rapport] scheduled backup failed:', error));
  let timer: unknown;
  let stopped = false;
  let running: Promise<void> | undefined;
  let generation = 0;
  // After stop() the database may already be closed: a planning read failing then is expected.
  const report = (error: unknown) => {
    if (!stopped) onError(error);
  };

  async function plan(): Promise<void> {
    const mine = ++generation;
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
    if (stopped || running) return;
    const due = await options.nextDue();
    if (stopped || mine !== generation || !due) return;
    const wait = due.getTime() - options.clock.now().getTime();
    if (wait <= 0) return fire();
    const ms = Math.min(wait, MAX_SLEEP_MS);
    timer = timers.set(() => {
      timer = undefined;
      if (ms === wait) void fire();
      else void plan().catch(report);
    }, ms);
  }

  async function fire(): Promise<void> {
    if (stopped || running) return;
    running = options.run().catch(onError);
    await running;
    running = undefined;
    await plan().catch(report);
  }

  void plan().catch(report);
  return {
    wake() {
      void plan().catch(report);
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) timers.clear(timer);
      timer = undefined;
      await running;
    },
  };
}

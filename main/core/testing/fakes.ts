/** Test doubles for what the core gets from its host: the clock, timers, the desktop notifier. */
import type { Clock } from '../clock.ts';
import type { Timers } from '../jobs/timer-loop.ts';
import type { Notification, Notifier } from '../ports.ts';

export type MovableClock = Clock & { set(iso: string): void; advance(ms: number): void };

/** A clock the test moves, like time passing or a laptop waking up days later. */
export function movableClock(iso: string): MovableClock {
  let at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`Not a date: "${iso}"`);
  return {
    now: () => new Date(at),
    set: (next) => (at = new Date(next)),
    advance: (ms) => (at = new Date(at.getTime() + ms)),
  };
}

/** A notifier that records what it was asked to show. */
export function recordingNotifier(): Notifier & { shown: Notification[] } {
  const shown: Notification[] = [];
  return { supported: true, trayAvailable: true, shown, notify: (n) => void shown.push(n) };
}

/** Timers that never fire by themselves: the test reads the newest requested delay and fires it. */
export function manualTimers(): Timers & { pending(): { ms: number; fire(): void } | undefined } {
  const live = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  return {
    setTimeout(fn, ms) {
      live.set(++next, { fn, ms });
      return next;
    },
    clearTimeout(handle) {
      live.delete(handle as number);
    },
    pending() {
      const last = [...live.entries()].at(-1);
      if (!last) return undefined;
      const [id, t] = last;
      return { ms: t.ms, fire: () => (live.delete(id), t.fn()) };
    },
  };
}

/** Waits (polling every 5 ms, up to ~5 s) until `check` holds. */
export async function until(check: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!check()) throw new Error(`Timed out waiting for ${what}`);
}

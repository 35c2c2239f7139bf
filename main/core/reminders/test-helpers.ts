import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestChannel, RequestInput, RequestOutput } from '../../../shared/ipc/contract.ts';
import type { Clock } from '../clock.ts';
import { createCore, type Core } from '../core.ts';
import type { Notification, Notifier } from '../ports.ts';
import type { Timers } from './live.ts';

/** A clock the test moves, like time passing or a laptop waking up days later. */
export function movableClock(iso: string): Clock & { set(iso: string): void } {
  let at = new Date(iso);
  return { now: () => new Date(at), set: (next) => (at = new Date(next)) };
}

/** A notifier that records what it was asked to show. */
export function recordingNotifier(): Notifier & { shown: Notification[] } {
  const shown: Notification[] = [];
  return { supported: true, trayAvailable: true, shown, notify: (n) => void shown.push(n) };
}

/** Timers that never fire by themselves: the test reads the requested delay and fires them. */
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

export const until = async (check: () => boolean, what = 'condition') => {
  for (let i = 0; i < 1000 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!check()) throw new Error(`Timed out waiting for ${what}`);
};

/** A core on a temp dir with helpers to call channels; `reopen` closes and opens the same folder. */
export async function openTestCore(clock: Clock, notifier?: Notifier) {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-reminders-'));
  let core: Core = await createCore({
    dataDir: dir,
    mode: 'desktop',
    version: 'test',
    clock,
    ...(notifier ? { notifier } : {}),
  });
  const harness = {
    dir,
    get core() {
      return core;
    },
    async call<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>> {
      const result = await core.dispatcher.request(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as RequestOutput<C>;
    },
    /** The first pushed value of a live query that satisfies `accept`. */
    watch<T>(channel: string, accept: (value: T) => boolean = () => true): Promise<T> {
      return new Promise((resolve, reject) => {
        const stop = core.dispatcher.subscribe(channel, {}, (r) => {
          if (!r.ok) return reject(new Error(r.error.message));
          if (!accept(r.value as T)) return;
          queueMicrotask(() => stop());
          resolve(r.value as T);
        });
      });
    },
    async reopen(nextNotifier?: Notifier) {
      await core.close();
      core = await createCore({
        dataDir: dir,
        mode: 'desktop',
        version: 'test',
        clock,
        ...(nextNotifier ? { notifier: nextNotifier } : {}),
      });
    },
    async dispose() {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

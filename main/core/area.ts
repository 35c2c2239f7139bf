/**
 * Areas of the core and who is running. Every area's operations run inside `asArea(name, …)`, so
 * at any write the core knows which area made it; the ownership guard (ownership.ts) uses that to
 * prove that only the owner of a collection writes it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export const AREAS = [
  'people',
  'interactions',
  'details',
  'settings',
  'trash',
  'reminders',
  'practice',
  'events',
  'starters',
  'backup',
  'interchange',
  'search',
  'projection',
  /** Writes that arrive from outside the core's own services: another device through sync. */
  'replication',
] as const;
export type AreaName = (typeof AREAS)[number];

const running = new AsyncLocalStorage<AreaName>();

/** The area whose operation is running now (through every await), or undefined outside any. */
export const currentArea = (): AreaName | undefined => running.getStore();

/** Runs `work` as `area`: everything it awaits, and the timers it starts, count as that area. */
export function inArea<T>(area: AreaName, work: () => T): T {
  return running.run(area, work);
}

/**
 * Wraps each function of an area's operations so that a call from anywhere (another area, a
 * handler, a timer) runs as `area`. Other areas only ever hold the wrapped object.
 */
export function asArea<T extends object>(area: AreaName, operations: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(operations)) {
    wrapped[name] =
      typeof value === 'function' ? (...args: unknown[]) => inArea(area, () => value.apply(operations, args)) : value;
  }
  return wrapped as T;
}

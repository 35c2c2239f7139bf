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

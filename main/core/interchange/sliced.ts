/**
 * Drivers for work written as generators that `yield` at safe points (after a card, a row, a
 * segment of a file). The same steps run synchronously for the pure API and time-sliced in the
 * app, where a 10k-card import must not hold the main event loop for more than a few ms at once.
 */

/** Runs every step now and returns the result. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Default slice: well under the 50 ms budget for the longest event-loop delay. */
export const SLICE_MS = 8;

/**
 * Runs steps for at most `sliceMs` at a time, then lets queued I/O and timers run
 * (`setImmediate`) before continuing. `signal` is checked between slices.
 * @throws the signal's reason (`Cancelled`) once it is aborted.
 */
export async function runSliced<T>(
  steps: Generator<void, T>,
  options: { sliceMs?: number; signal?: AbortSignal } = {},
): Promise<T> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      options.signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
}

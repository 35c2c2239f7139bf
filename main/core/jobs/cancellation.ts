/**
 * The core's one way to stop long work: an `AbortSignal` whose reason is `Cancelled`. Work checks
 * `signal.throwIfAborted()` at safe points; callers tell a cancellation from a failure with
 * `isCancelled`.
 */
export class Cancelled extends Error {
  constructor(message = 'Cancelled; nothing was changed.') {
    super(message);
    this.name = 'Cancelled';
  }
}

export const isCancelled = (error: unknown): error is Cancelled => error instanceof Cancelled;

/** A controller whose `cancel()` aborts its signal with `Cancelled`. */
export function cancellable(): { signal: AbortSignal; cancel(): void } {
  const controller = new AbortController();
  return { signal: controller.signal, cancel: () => controller.abort(new Cancelled()) };
}

/** A signal that never aborts, for callers that cannot cancel. */
export const NEVER_CANCELLED: AbortSignal = new AbortController().signal;

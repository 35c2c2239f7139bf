/**
 * Deadlines for work that can hang for ever (a folder on a mount that stopped answering).
 * `withTimeout` only stops waiting: the work is not stopped and its result is ignored.
 * `withDeadline` also cancels: the work gets a signal that aborts at the deadline, so it stops at
 * its next check (and publishes nothing) even when the caller has already moved on.
 */
export class TimedOut extends Error {
  constructor(what: string, ms: number, stalled = false) {
    super(`${what} ${stalled ? 'made no progress for' : 'did not finish within'} ${Math.round(ms / 1000)} s`);
    this.name = 'TimedOut';
  }
}

export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(what, ms)), ms);
    timer.unref?.();
  });
  work.catch(() => {}); // a late failure after the deadline is not an unhandled rejection
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Runs `work` until it finishes, or until `ms` pass without it calling `progressed()`: then its
 * signal aborts with `TimedOut` and the returned promise rejects at once (a call stuck in the file
 * system cannot be interrupted; the work stops when it returns). When `cancel` aborts, the work's
 * signal aborts with the same reason and the promise settles when the work has stopped, so it
 * can clean up first.
 */
export function withDeadline<T>(
  work: (signal: AbortSignal, progressed: () => void) => Promise<T>,
  ms: number,
  what: string,
  cancel?: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settled = false;
  let expire: (error: TimedOut) => void = () => {};
  const deadline = new Promise<never>((_, reject) => (expire = reject));
  const progressed = () => {
    clearTimeout(timer);
    if (settled) return;
    timer = setTimeout(() => {
      const error = new TimedOut(what, ms, true);
      controller.abort(error);
      expire(error);
    }, ms);
    timer.unref?.();
  };
  const onCancel = () => controller.abort(cancel!.reason);
  cancel?.addEventListener('abort', onCancel, { once: true });
  if (cancel?.aborted) onCancel();
  progressed();
  const running = Promise.resolve().then(() => work(controller.signal, progressed));
  running.catch(() => {}); // a late failure after the deadline is not an unhandled rejection
  return Promise.race([running, deadline]).finally(() => {
    settled = true;
    clearTimeout(timer);
    cancel?.removeEventListener('abort', onCancel);
  });
}

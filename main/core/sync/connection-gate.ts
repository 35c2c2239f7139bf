import { setTimeout as delay } from 'node:timers/promises';
import { BehaviorSubject } from 'rxjs';

/**
 * One gate per server, shared by every replication that talks to it. While the server answers,
 * requests pass straight through. Once it stops answering, requests wait: after the back-off delay
 * exactly one request probes the server, and the others follow only when that probe got an
 * answer. Delays double from `baseMs` up to `capMs`, with ±20 % jitter, so six collections and a
 * long-poll never turn into a retry storm.
 */
export interface GateOptions {
  baseMs?: number;
  capMs?: number;
  /** For tests: a clock and a jitter source. */
  now?: () => number;
  random?: () => number;
}

export interface GateState {
  online: boolean;
  /** Consecutive failed attempts; 0 while online. */
  failures: number;
  /** When the next probe may go, in `now()` milliseconds; 0 while online. */
  nextAttemptAt: number;
}

export class ConnectionGate {
  readonly state$ = new BehaviorSubject<GateState>({ online: true, failures: 0, nextAttemptAt: 0 });
  private readonly baseMs: number;
  private readonly capMs: number;
  private readonly now: () => number;
  private readonly random: () => number;
  private probe: Promise<void> | null = null;

  constructor(options: GateOptions = {}) {
    this.baseMs = options.baseMs ?? 1_000;
    this.capMs = options.capMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /**
   * Runs `attempt` once the gate lets it through. `attempt` rejects with a network error to report
   * the server as gone; it resolves (with any HTTP status) to report it as answering.
   */
  async run<T>(attempt: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    for (;;) {
      signal?.throwIfAborted();
      const { online, nextAttemptAt } = this.state$.value;
      if (online) return this.track(attempt);
      if (this.probe) {
        await abortable(this.probe, signal);
        continue;
      }
      const wait = nextAttemptAt - this.now();
      if (wait > 0) {
        await delay(wait, undefined, signal ? { signal } : {});
        continue;
      }
      let finished!: () => void;
      this.probe = new Promise((resolve) => (finished = resolve));
      try {
        return await this.track(attempt);
      } finally {
        this.probe = null;
        finished();
      }
    }
  }

  /** Reports a failure seen outside `run`, such as a response body cut off mid-read. */
  reportFailure(): void {
    const { failures, nextAttemptAt, online } = this.state$.value;
    // Requests already in flight when the server went away fail together: count them once.
    if (!online && this.now() < nextAttemptAt) return;
    const exponent = Math.min(failures, 30);
    const backoff = Math.min(this.capMs, this.baseMs * 2 ** exponent) * (0.8 + 0.4 * this.random());
    this.state$.next({ online: false, failures: failures + 1, nextAttemptAt: this.now() + backoff });
  }

  private async track<T>(attempt: () => Promise<T>): Promise<T> {
    try {
      const result = await attempt();
      if (!this.state$.value.online) this.state$.next({ online: true, failures: 0, nextAttemptAt: 0 });
      return result;
    } catch (error) {
      if (!isAbort(error)) this.reportFailure();
      throw error;
    }
  }
}

function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => (signal.removeEventListener('abort', onAbort), resolve(value)),
      (error) => (signal.removeEventListener('abort', onAbort), reject(error)),
    );
  });
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

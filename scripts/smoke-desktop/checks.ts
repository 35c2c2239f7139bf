/** A named check's outcome: what was verified, or why it failed. */
export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

export class CheckFailed extends Error {
  override name = 'CheckFailed';
}

/** Thrown by a fail-fast check list after the first failure, to end the run there. */
export class StopAfterFailure extends Error {
  override name = 'StopAfterFailure';
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

/**
 * Runs checks one after another. By default it keeps going after a failure, so one run reports
 * everything that is wrong; fail-fast stops at the first (StopAfterFailure). A check passes when
 * its body returns (optionally a detail line) and fails with the message of whatever it throws.
 */
export class CheckList {
  readonly results: CheckResult[] = [];
  readonly #log: (line: string) => void;
  readonly #failFast: boolean;

  constructor(log: (line: string) => void, failFast = false) {
    this.#log = log;
    this.#failFast = failFast;
  }

  async check(name: string, body: () => Promise<string | void> | string | void): Promise<boolean> {
    let result: CheckResult;
    try {
      result = { name, ok: true, detail: (await body()) ?? '' };
    } catch (error) {
      result = { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
    this.results.push(result);
    this.#log(`${result.ok ? '✓' : '✗'} ${name}${result.detail ? `: ${result.detail}` : ''}`);
    if (!result.ok && this.#failFast) throw new StopAfterFailure(name);
    return result.ok;
  }

  get failures(): CheckResult[] {
    return this.results.filter((result) => !result.ok);
  }
}

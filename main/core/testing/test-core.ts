/**
 * The one harness for tests of the core: a real core on a real SQLite file in a throwaway data
 * folder, a clock the test moves, and the ownership guard on. Driven through the typed contract,
 * like the UI drives it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { SubscriptionChannel, SubscriptionInput, SubscriptionOutput } from '../../../shared/ipc/contract.ts';
import { snapshot, type Documents } from '../backup/archive.ts';
import { openCore, type Core, type CoreOptions } from '../core.ts';
import type { RapportDatabase } from '../db/database.ts';
import { movableClock, type MovableClock } from './fakes.ts';

export interface TestCore {
  readonly dir: string;
  readonly clock: MovableClock;
  readonly core: Core;
  call: Core['call'];
  /** The first value a live query pushes that satisfies `accept` (default: any). */
  next<C extends SubscriptionChannel>(
    channel: C,
    input: SubscriptionInput<C>,
    accept?: (value: SubscriptionOutput<C>) => boolean,
    timeoutMs?: number,
  ): Promise<SubscriptionOutput<C>>;
  /** Closes the core and opens the same folder again (a restart), optionally with other options. */
  reopen(options?: Partial<CoreOptions>): Promise<void>;
  /** Closes the core, keeping the folder (so another process, like the CLI, can open it). */
  close(): Promise<void>;
  /** Closes the core and deletes the folder; runs by itself when the test finishes. */
  dispose(): Promise<void>;
}

export interface TestCoreOptions extends Omit<Partial<CoreOptions>, 'clock'> {
  /** Where the clock starts (default 2026-03-18 12:00 UTC). */
  now?: string;
  /** A clock the test already holds (instead of `now`). */
  clock?: MovableClock;
  /** Open this folder instead of a new temporary one (it is not deleted). */
  dir?: string;
}

export async function openTestCore(options: TestCoreOptions = {}): Promise<TestCore> {
  const { now = '2026-03-18T12:00:00Z', dir: given, clock = movableClock(now), ...coreOptions } = options;
  const dir = given ?? mkdtempSync(join(tmpdir(), 'rapport-test-'));
  const open = (extra: Partial<CoreOptions> = {}) =>
    openCore({ dataDir: dir, mode: 'browser', version: 'test', clock, guardOwnership: true, ...coreOptions, ...extra });
  let core = await open();
  let closed = false;
  let disposed = false;

  const harness: TestCore = {
    dir,
    clock,
    get core() {
      return core;
    },
    call: (channel, input) => core.call(channel, input),
    next(channel, input, accept = () => true, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        let last: unknown;
        const timer = setTimeout(() => {
          stop();
          reject(new Error(`${channel} never matched; last value: ${JSON.stringify(last)?.slice(0, 500)}`));
        }, timeoutMs);
        const stop = core.watch(channel, input, (result) => {
          if (!result.ok) {
            clearTimeout(timer);
            queueMicrotask(() => stop());
            reject(new Error(`${channel}: ${result.error.message}`));
            return;
          }
          last = result.value;
          if (!accept(result.value)) return;
          clearTimeout(timer);
          queueMicrotask(() => stop());
          resolve(result.value);
        });
      });
    },
    async reopen(extra) {
      await harness.close();
      core = await open(extra);
      closed = false;
    },
    async close() {
      if (closed) return;
      closed = true;
      await core.close();
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await harness.close();
      if (!given) rmSync(dir, { recursive: true, force: true });
    },
  };
  onTestFinished(() => harness.dispose());
  return harness;
}

/** A new empty folder, deleted when the test finishes. */
export function testDir(prefix = 'rapport-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Every source document without sync's edit stamps: what a person typed or imported. An undo
 * (an import rolled back) puts the typed values back as a new edit, so its stamps are new.
 */
export async function typedData(db: RapportDatabase): Promise<Documents> {
  const documents = await snapshot(db);
  return Object.fromEntries(
    Object.entries(documents).map(([name, docs]) => [
      name,
      docs?.map(({ editedAt: _editedAt, ...typed }: Record<string, unknown>) => typed),
    ]),
  );
}

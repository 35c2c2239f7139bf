/**
 * Test helper: a second core in a child process (a second device), called through the typed
 * contract like openTestCore's. Not a test file itself.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { RequestChannel, RequestInput, RequestOutput } from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/ipc/result.ts';
import type { SyncTuning } from '../sync/sync-service.ts';
import { childScript } from './child-script.ts';

export interface ChildCore {
  readonly dir: string;
  request<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<Result<RequestOutput<C>>>;
  call<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>>;
  advance(ms: number): Promise<void>;
  /** Closes the core and starts a new process on the same folder: a restart of the app. */
  restart(): Promise<void>;
}

export async function openChildCore(options: { now?: string; syncTuning?: SyncTuning } = {}): Promise<ChildCore> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-child-core-'));
  const now = options.now ?? '2026-03-18T12:00:00Z';
  let child = await start(dir, now, options.syncTuning ?? {});
  let nextId = 0;
  const pending = new Map<number, (result: unknown) => void>();
  const listen = (process: ChildProcess) =>
    process.on('message', (message: { id?: number; result?: unknown }) => {
      if (message.id === undefined) return;
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    });
  listen(child);
  const send = (message: Record<string, unknown>): Promise<unknown> =>
    new Promise((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      child.send({ ...message, id });
    });

  const harness: ChildCore = {
    dir,
    request: (channel, input) => send({ kind: 'call', channel, input }) as never,
    async call(channel, input) {
      const result = await harness.request(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    advance: async (ms) => void (await send({ kind: 'advance', ms })),
    async restart() {
      await send({ kind: 'close' });
      child = await start(dir, now, options.syncTuning ?? {});
      listen(child);
    },
  };
  onTestFinished(async () => {
    if (child.exitCode === null) await send({ kind: 'close' }).catch(() => {});
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  return harness;
}

async function start(dir: string, now: string, tuning: SyncTuning): Promise<ChildProcess> {
  const child = fork(childScript('child-core-process'), [dir, now, JSON.stringify(tuning)], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // A test that times out must not leave a core running: the child dies with its parent.
  const parentGone = () => child.kill('SIGKILL');
  process.once('exit', parentGone);
  child.once('exit', () => process.off('exit', parentGone));
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`The child core exited before it was ready (code ${code}).`)));
  });
  return child;
}

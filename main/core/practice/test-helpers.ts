import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { RequestChannel, RequestInput, RequestOutput } from '../../../shared/ipc/contract.ts';
import { fixedClock } from '../clock.ts';
import { createCore, type Core } from '../core.ts';

/** Test-only: a real core on a throwaway data folder, driven through the dispatcher like the UI. */
export function useCore() {
  const opened: { core: Core; dir: string }[] = [];
  afterEach(async () => {
    for (const { core, dir } of opened.splice(0)) {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  return async function setup(now = '2026-03-18T12:00:00Z') {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-practice-'));
    const core = await createCore({ dataDir: dir, mode: 'browser', version: 'test', clock: fixedClock(now) });
    opened.push({ core, dir });

    async function call<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>> {
      const result = await core.dispatcher.request(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as RequestOutput<C>;
    }

    /** The first value a live query pushes that satisfies `until` (default: any value). */
    function watch<T>(
      channel: string,
      input: unknown,
      until: (value: T) => boolean = () => true,
      timeoutMs = 3000,
    ): Promise<T> {
      return new Promise((resolve, reject) => {
        let last: unknown;
        const timer = setTimeout(() => {
          stop();
          reject(new Error(`${channel} never matched; last value: ${JSON.stringify(last)}`));
        }, timeoutMs);
        const stop = core.dispatcher.subscribe(channel, input, (r) => {
          if (!r.ok) {
            clearTimeout(timer);
            queueMicrotask(() => stop());
            reject(new Error(r.error.message));
            return;
          }
          last = r.value;
          if (until(r.value as T)) {
            clearTimeout(timer);
            queueMicrotask(() => stop());
            resolve(r.value as T);
          }
        });
      });
    }

    const person = (displayName: string, extra: Record<string, unknown> = {}) =>
      call('contacts.create', { displayName, ...extra });
    const detail = (contactId: string, text: string, extra: Record<string, unknown> = {}) =>
      call('details.add', { contactId, text, learnedOn: '2026-03-01', ...extra });
    return { core, call, watch, person, detail };
  };
}

import { describe, expect, it } from 'vitest';
import { createEarlyWindows } from './early-windows.ts';
import { newWatcher, type WindowView } from './window-push.ts';

const turns = async () => {
  for (let turn = 0; turn < 10; turn++) await new Promise((resolve) => setImmediate(resolve));
};
const EMPTY: WindowView = { window: [], total: 3, everyone: 3, archived: 0 };

describe('early windows', () => {
  it('read a window again after every change, but not one the index cannot answer in a short read', async () => {
    const reads: string[] = [];
    const early = createEarlyWindows<string>(
      () => true,
      async (request) => {
        reads.push(request);
        return request === 'too long' ? undefined : EMPTY;
      },
    );
    const pushed: string[] = [];
    const fail = (error: unknown) => {
      throw error;
    };
    early.add(
      'short',
      newWatcher(0, 10, () => pushed.push('short')),
      fail,
    );
    early.add(
      'too long',
      newWatcher(0, 10, () => pushed.push('too long')),
      fail,
    );
    await turns();
    early.changed();
    await turns();
    expect(reads.filter((r) => r === 'short')).toHaveLength(2);
    expect(reads.filter((r) => r === 'too long')).toHaveLength(1);
    expect(pushed).toEqual(['short']);
  });

  it('do not send what a read returned when a change came during it, and read it again', async () => {
    let changeDuringRead = true;
    const sent: number[] = [];
    const early = createEarlyWindows<string>(
      () => true,
      async () => {
        if (changeDuringRead) {
          changeDuringRead = false;
          early.changed();
          return { ...EMPTY, total: 1 };
        }
        return { ...EMPTY, total: 2 };
      },
    );
    early.add(
      'window',
      newWatcher(0, 10, (w) => sent.push(w.total)),
      (error) => {
        throw error;
      },
    );
    await turns();
    expect(sent).toEqual([2]);
  });
});

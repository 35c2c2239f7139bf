import { useEffect, useState } from 'react';
import type { Unsubscribe } from '../../shared/ipc/client.ts';
import type { RapportError, Result } from '../../shared/ipc/result.ts';

export type LiveState<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: RapportError };

const LOADING = { status: 'loading' } as const;

/**
 * Keeps a live query open for the component's lifetime and re-renders on every push from main.
 * `deps` lists every value the query's input is built from (like useEffect's): when one changes
 * the query restarts and the state is loading until it answers.
 */
export function useLive<T>(
  start: (onResult: (result: Result<T>) => void) => Unsubscribe,
  deps: readonly unknown[],
): LiveState<T> {
  const key = JSON.stringify(deps);
  const [latest, setLatest] = useState<{ key: string; state: LiveState<T> }>({ key, state: LOADING });
  useEffect(
    () =>
      start((result) =>
        setLatest({
          key,
          state: result.ok ? { status: 'ready', data: result.value } : { status: 'error', error: result.error },
        }),
      ),
    // `start` is a new closure each render; `key` stands for everything it depends on (`deps`).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  return latest.key === key ? latest.state : LOADING;
}

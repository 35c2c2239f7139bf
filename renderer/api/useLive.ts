import { useEffect, useState } from 'react';
import type { Unsubscribe } from '../../shared/ipc/client.ts';
import type { RapportError, Result } from '../../shared/ipc/result.ts';

export type LiveState<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: RapportError };

const LOADING = { status: 'loading' } as const;

/**
 * Keeps a live query open for the component's lifetime and re-renders on every push from main.
 * `key` names the query's input: a new key restarts the query and shows loading until it answers.
 */
export function useLive<T>(start: (onResult: (result: Result<T>) => void) => Unsubscribe, key: string): LiveState<T> {
  const [latest, setLatest] = useState<{ key: string; state: LiveState<T> }>({ key, state: LOADING });
  useEffect(
    () =>
      start((result) =>
        setLatest({
          key,
          state: result.ok ? { status: 'ready', data: result.value } : { status: 'error', error: result.error },
        }),
      ),
    // `start` is a new closure each render; `key` names everything it depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  return latest.key === key ? latest.state : LOADING;
}

import { useEffect, useState } from 'react';
import type { PeopleQuery } from '../../../shared/domain/people-list-view.ts';
import type { RapportError } from '../../../shared/ipc/result.ts';
import { applyPeopleWindow, type HeldPeopleWindow } from '../../../shared/ipc/people-window.ts';
import { rapport } from '../../api/rapport.ts';

export type PeopleWindowState =
  | { status: 'loading' }
  /** `current` is false while an earlier query's window is still shown. */
  | { status: 'ready'; window: HeldPeopleWindow; current: boolean }
  | { status: 'error'; error: RapportError };

/**
 * A live window of the People list: rows `offset` … `offset + limit - 1` of `query`, with the
 * counts. Scrolling moves the window (a new subscription on a list the core keeps sorted); until
 * the new window answers, the previous one stays on screen, so nothing flickers to "Loading".
 */
export function usePeopleWindow(query: PeopleQuery, offset: number, limit: number): PeopleWindowState {
  const [state, setState] = useState<
    | { status: 'loading' }
    | { status: 'error'; error: RapportError }
    | { status: 'ready'; window: HeldPeopleWindow; query: string }
  >({ status: 'loading' });
  const key = JSON.stringify([query, offset, limit]);
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    let held: HeldPeopleWindow | undefined;
    return rapport().people.watchWindow({ query, offset, limit }, (result) => {
      if (!result.ok) return setState({ status: 'error', error: result.error });
      held = applyPeopleWindow(held, result.value);
      setState({ status: 'ready', window: held, query: queryKey });
    });
    // `key` stands for query, offset and limit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state.status === 'ready'
    ? { status: 'ready', window: state.window, current: state.query === queryKey }
    : state;
}

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { PersonListItem } from '../../shared/domain/views.ts';
import type { PeopleWindow } from '../../shared/ipc/channels/people.ts';
import { LiveError } from '../ui/LiveError.tsx';
import { rapport } from './rapport.ts';
import { useLive, type LiveState } from './useLive.ts';

interface People {
  /** How many people (not archived) there are: an empty window of the People list, with its counts. */
  count: LiveState<PeopleWindow>;
  list: LiveState<PersonListItem[]>;
  /** Keeps the whole list live while a picker that needs it is open; returns the release. */
  retainList: () => () => void;
  /** Ids added in this window, newest first: the person picker ranks them first. */
  recentlyAdded: readonly string[];
  markAdded: (id: string) => void;
}

const LOADING = { status: 'loading' } as const;
const PeopleContext = createContext<People>({
  count: LOADING,
  list: LOADING,
  retainList: () => () => {},
  recentlyAdded: [],
  markAdded: () => {},
});

/**
 * The people every screen leans on. The count is always live (it is an empty window: it pushes
 * only when the counts change). The whole list is fetched only while a picker that needs it is
 * on screen (`usePeopleList`); the People screen itself reads windows (usePeopleWindow).
 */
export function PeopleProvider({ children }: { children: ReactNode }) {
  const count = useLive<PeopleWindow>((onResult) => rapport().people.watchWindow({ limit: 0 }, onResult), []);
  const [listUsers, setListUsers] = useState(0);
  const listed = listUsers > 0;
  const list = useLive<PersonListItem[]>(
    (onResult) => (listed ? rapport().contacts.watch({}, onResult) : () => {}),
    [listed],
  );
  const retainList = useCallback(() => {
    setListUsers((n) => n + 1);
    return () => setListUsers((n) => n - 1);
  }, []);
  const [recentlyAdded, setRecentlyAdded] = useState<string[]>([]);
  const markAdded = useCallback((id: string) => setRecentlyAdded((ids) => [id, ...ids.filter((x) => x !== id)]), []);
  const value = useMemo(
    () => ({ count, list, retainList, recentlyAdded, markAdded }),
    [count, list, retainList, recentlyAdded, markAdded],
  );
  return (
    <PeopleContext.Provider value={value}>
      {children}
      {/* Every screen leans on these (pickers, names, first run), so their failure is said once, app-wide. */}
      <div className="app-alert">
        <LiveError state={count} what="how many people you have" />
        <LiveError state={list} what="your people" />
      </div>
    </PeopleContext.Provider>
  );
}

/** How many people are not archived (undefined until known). */
export const usePeopleCount = (): LiveState<PeopleWindow> => useContext(PeopleContext).count;
export const useRecentlyAdded = () => {
  const { recentlyAdded, markAdded } = useContext(PeopleContext);
  return { recentlyAdded, markAdded };
};
const NOBODY: PersonListItem[] = [];
/** Everyone (not archived), by name, while `active` (a picker on screen); empty until then. */
export const usePeopleList = (active = true): PersonListItem[] => {
  const { list, retainList } = useContext(PeopleContext);
  useEffect(() => (active ? retainList() : undefined), [active, retainList]);
  return active && list.status === 'ready' ? list.data : NOBODY;
};

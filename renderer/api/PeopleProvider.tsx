import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { applyPeopleWindow, type HeldPeopleWindow } from '../../shared/ipc/people-window.ts';
import { LiveError } from '../ui/LiveError.tsx';
import { rapport } from './rapport.ts';
import { useLive, type LiveState } from './useLive.ts';

interface People {
  /** How many people there are, and the tags in use: an empty window of the People list, as pushed so far. */
  count: LiveState<HeldPeopleWindow>;
  /** Ids added in this window, newest first: the person picker ranks them first. */
  recentlyAdded: readonly string[];
  markAdded: (id: string) => void;
}

const LOADING = { status: 'loading' } as const;
const PeopleContext = createContext<People>({ count: LOADING, recentlyAdded: [], markAdded: () => {} });

/**
 * The people every screen leans on: the counts and tags in use, always live (an empty window: it
 * pushes only when they change, and carries the tags only when those change). Pickers ask the
 * core for matches as the user types (`usePeoplePick`); the People screen reads windows
 * (usePeopleWindow). Nothing holds the whole list.
 */
export function PeopleProvider({ children }: { children: ReactNode }) {
  const count = useLive<HeldPeopleWindow>((onResult) => {
    let held: HeldPeopleWindow | undefined;
    return rapport().people.watchWindow({ limit: 0 }, (result) => {
      if (result.ok) held = applyPeopleWindow(held, result.value);
      onResult(result.ok ? { ok: true, value: held! } : result);
    });
  }, []);
  const [recentlyAdded, setRecentlyAdded] = useState<string[]>([]);
  const markAdded = useCallback((id: string) => setRecentlyAdded((ids) => [id, ...ids.filter((x) => x !== id)]), []);
  const value = useMemo(() => ({ count, recentlyAdded, markAdded }), [count, recentlyAdded, markAdded]);
  return (
    <PeopleContext.Provider value={value}>
      {children}
      {/* Every screen leans on this (first run, the tag filter), so its failure is said once, app-wide. */}
      <div className="app-alert">
        <LiveError state={count} what="how many people you have" />
      </div>
    </PeopleContext.Provider>
  );
}

/** How many people are not archived, and the tags in use (undefined until known). */
export const usePeopleCount = (): LiveState<HeldPeopleWindow> => useContext(PeopleContext).count;
/** Every tag in use among people not archived, alphabetically. */
export const usePeopleTags = (): readonly string[] => {
  const count = usePeopleCount();
  return count.status === 'ready' ? count.data.tags : NO_TAGS;
};
const NO_TAGS: readonly string[] = [];
export const useRecentlyAdded = () => {
  const { recentlyAdded, markAdded } = useContext(PeopleContext);
  return { recentlyAdded, markAdded };
};

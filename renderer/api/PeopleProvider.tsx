import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { PersonListItem } from '../../shared/domain/views.ts';
import { LiveError } from '../ui/LiveError.tsx';
import { rapport } from './rapport.ts';
import { useLive, type LiveState } from './useLive.ts';

interface People {
  live: LiveState<PersonListItem[]>;
  /** Ids added in this window, newest first: the person picker ranks them first. */
  recentlyAdded: readonly string[];
  markAdded: (id: string) => void;
}

const PeopleContext = createContext<People>({ live: { status: 'loading' }, recentlyAdded: [], markAdded: () => {} });

/** One live list of everyone (not archived) for the whole window: lists, pickers and search share it. */
export function PeopleProvider({ children }: { children: ReactNode }) {
  const live = useLive<PersonListItem[]>((onResult) => rapport().contacts.watch({}, onResult), []);
  const [recentlyAdded, setRecentlyAdded] = useState<string[]>([]);
  const markAdded = useCallback((id: string) => setRecentlyAdded((ids) => [id, ...ids.filter((x) => x !== id)]), []);
  const value = useMemo(() => ({ live, recentlyAdded, markAdded }), [live, recentlyAdded, markAdded]);
  return (
    <PeopleContext.Provider value={value}>
      {children}
      {/* Every screen leans on this list (pickers, names, first run), so its failure is said once, app-wide. */}
      <div className="app-alert">
        <LiveError state={live} what="your people" />
      </div>
    </PeopleContext.Provider>
  );
}

export const usePeople = () => useContext(PeopleContext).live;
export const useRecentlyAdded = () => {
  const { recentlyAdded, markAdded } = useContext(PeopleContext);
  return { recentlyAdded, markAdded };
};
const NOBODY: PersonListItem[] = [];
export const usePeopleList = (): PersonListItem[] => {
  const people = usePeople();
  return people.status === 'ready' ? people.data : NOBODY;
};

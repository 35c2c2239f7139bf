import { createContext, useContext, type ReactNode } from 'react';
import type { PersonListItem } from '../../shared/domain/views.ts';
import { rapport } from './rapport.ts';
import { useLive, type LiveState } from './useLive.ts';

const PeopleContext = createContext<LiveState<PersonListItem[]>>({ status: 'loading' });

/** One live list of everyone (not archived) for the whole window: lists, pickers and search share it. */
export function PeopleProvider({ children }: { children: ReactNode }) {
  const people = useLive<PersonListItem[]>((onResult) => rapport().contacts.watch({}, onResult), 'people');
  return <PeopleContext.Provider value={people}>{children}</PeopleContext.Provider>;
}

export const usePeople = () => useContext(PeopleContext);
export const usePeopleList = (): PersonListItem[] => {
  const people = usePeople();
  return people.status === 'ready' ? people.data : [];
};

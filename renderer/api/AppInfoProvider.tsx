import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { RequestOutput } from '../../shared/ipc/contract.ts';
import { rapport } from './rapport.ts';
import { useRequest } from './request.ts';

export type AppInfo = RequestOutput<'app.info'>;

const AppInfoContext = createContext<AppInfo | null>(null);

/**
 * `app.info`: the core's "today", the mode, the data folder and the state of the database. Asked at
 * start and again whenever the database is replaced (a restore, a recovery).
 */
export function AppInfoProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const request = useRequest();
  useEffect(() => {
    const load = () =>
      void request(() => rapport().app.info({}), { action: 'reach Rapport' }).then((r) => r.ok && setInfo(r.value));
    load();
    return rapport().on('app.databaseReplaced', load);
  }, [request]);
  return <AppInfoContext.Provider value={info}>{children}</AppInfoContext.Provider>;
}

export const useAppInfo = () => useContext(AppInfoContext);

/** The core's calendar day; the local day until `app.info` answers (a few milliseconds after start). */
export function useToday(): string {
  const info = useAppInfo();
  if (info) return info.today;
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { RequestOutput } from '../../shared/ipc/contract.ts';
import { rapport } from './rapport.ts';
import { useRequest } from './request.ts';

export type AppInfo = RequestOutput<'app.info'>;

const AppInfoContext = createContext<AppInfo | null>(null);

/** `app.info`, asked once at start: the core's "today", the mode and the data folder. */
export function AppInfoProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const request = useRequest();
  useEffect(() => {
    void request(() => rapport().app.info({}), { action: 'reach Rapport' }).then((r) => r.ok && setInfo(r.value));
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

import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { rapport } from '../../api/rapport.ts';
import { usePeopleList } from '../../api/PeopleProvider.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { LogForm } from './LogForm.tsx';

/** What a caller can fill in before the form opens, e.g. a starter's text as notes. */
export interface LogPrefill {
  notes?: string;
}
type OpenLog = (contactIds?: string[], prefill?: LogPrefill) => void;
const QuickLogContext = createContext<OpenLog>(() => {});

/** The quick-log dialog, reachable from every screen (Ctrl/Cmd+L or the sidebar button). */
export function QuickLogProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ contactIds: string[]; today: string; prefill: LogPrefill } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const people = usePeopleList();
  const open = useCallback<OpenLog>((contactIds = [], prefill = {}) => {
    void rapport()
      .app.info({})
      .then((r) =>
        setState({ contactIds, prefill, today: r.ok ? r.value.today : new Date().toISOString().slice(0, 10) }),
      );
  }, []);
  const loadOpenDetails = useCallback(async (contactIds: string[]) => {
    if (!contactIds.length) return [];
    const result = await rapport().details.listOpen({ contactIds });
    return result.ok ? result.value : [];
  }, []);

  return (
    <QuickLogContext.Provider value={open}>
      {children}
      <Dialog open={state !== null} title="Log an interaction" wide onClose={() => setState(null)}>
        {state ? (
          <LogForm
            people={people}
            today={state.today}
            initialPeople={state.contactIds}
            initialNotes={state.prefill.notes}
            submit={(input) => rapport().interactions.log(input)}
            loadOpenDetails={loadOpenDetails}
            resolveDetail={(id) => rapport().details.resolve({ id })}
            onLogged={(interaction) => {
              setState(null);
              setAnnouncement(`Logged ${interaction.type} on ${interaction.date}.`);
            }}
          />
        ) : null}
      </Dialog>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </QuickLogContext.Provider>
  );
}

export const useQuickLog = () => useContext(QuickLogContext);

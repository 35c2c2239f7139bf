import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Interaction, InteractionType } from '../../../shared/domain/interaction.ts';
import { useToday } from '../../api/AppInfoProvider.tsx';
import { useRecentlyAdded } from '../../api/PeopleProvider.tsx';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { LogForm } from './LogForm.tsx';
import { INTERACTION_NOUNS, namesText } from './words.ts';

/** What a caller can fill in before the form opens, e.g. a starter's text as notes. */
export interface LogPrefill {
  notes?: string;
  type?: InteractionType;
}
interface QuickLog {
  openLog: (contactIds?: string[], prefill?: LogPrefill) => void;
  editInteraction: (interaction: Interaction) => void;
}
const QuickLogContext = createContext<QuickLog>({ openLog: () => {}, editInteraction: () => {} });

type State = { contactIds: string[]; prefill: LogPrefill; editing?: Interaction } | null;

const fieldsOf = ({ id: _i, createdAt: _c, updatedAt: _u, ...fields }: Interaction) => fields;

/**
 * The log-an-interaction dialog, reachable from every screen (Ctrl/Cmd+L or the sidebar), which
 * also edits a logged interaction. It opens at once, so typing straight after the shortcut goes
 * into the "With" field. Saving says what happened, with Undo.
 */
export function QuickLogProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>(null);
  const { recentlyAdded, markAdded } = useRecentlyAdded();
  const today = useToday();
  const request = useRequest();
  const toast = useToast();
  const openLog = useCallback((contactIds: string[] = [], prefill: LogPrefill = {}) => {
    setState({ contactIds, prefill });
  }, []);
  const editInteraction = useCallback((editing: Interaction) => setState({ contactIds: [], prefill: {}, editing }), []);
  const loadOpenDetails = useCallback(
    async (contactIds: string[]) => {
      if (!contactIds.length) return [];
      const result = await request(() => rapport().details.listOpen({ contactIds }), {
        action: 'load what to ask about',
      });
      return result.ok ? result.value : [];
    },
    [request],
  );
  /** Who it was with, for the confirmation: asked after saving, since new people have just been added. */
  const names = async (interaction: Interaction) => {
    const found = await request(() => rapport().people.refs({ ids: interaction.contactIds }), {
      action: 'load the names for the confirmation',
    });
    const byId = new Map(found.ok ? found.value.map((p) => [p.id, p.displayName]) : []);
    return namesText(interaction.contactIds.map((id) => byId.get(id) ?? 'someone new'));
  };
  const editing = state?.editing;
  const value = useMemo(() => ({ openLog, editInteraction }), [openLog, editInteraction]);

  return (
    <QuickLogContext.Provider value={value}>
      {children}
      <Dialog
        open={state !== null}
        title={editing ? 'Edit interaction' : 'Log an interaction'}
        size="wide"
        onClose={() => setState(null)}
      >
        {state ? (
          <LogForm
            today={today}
            initialPeople={state.contactIds}
            initialNotes={state.prefill.notes}
            initialType={state.prefill.type}
            editing={editing}
            recentlyAdded={recentlyAdded}
            submit={(input) =>
              editing
                ? rapport().interactions.update({
                    id: editing.id,
                    fields: { ...input.interaction, contactIds: input.interaction.contactIds ?? [] },
                  })
                : rapport().interactions.log(input)
            }
            loadOpenDetails={loadOpenDetails}
            resolveDetail={(id) =>
              request(() => rapport().details.resolve({ id }), { action: 'mark the detail as asked about' })
            }
            onLogged={async (interaction, chosen) => {
              setState(null);
              for (const id of interaction.contactIds) if (!chosen.includes(id)) markAdded(id);
              const what = `${INTERACTION_NOUNS[interaction.type]} with ${await names(interaction)}`;
              const added = interaction.contactIds.filter((id) => !chosen.includes(id));
              const undo = editing
                ? { run: () => rapport().interactions.update({ id: editing.id, fields: fieldsOf(editing) }) }
                : { run: () => rapport().interactions.undoLog({ id: interaction.id, newPeople: added }) };
              // The toast is the confirmation; Undo puts back the old version, or takes the new one back
              // with the people and details it added.
              toast({ title: editing ? `Saved ${what}` : `Logged ${what}`, undo });
            }}
          />
        ) : null}
      </Dialog>
    </QuickLogContext.Provider>
  );
}

export const useQuickLog = () => useContext(QuickLogContext);

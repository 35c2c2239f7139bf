import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { rapport } from '../api/rapport.ts';

interface Pending {
  label: string;
  token: string;
}

const UndoContext = createContext<(label: string, token: string) => void>(() => {});

/** Offers "Undo" for a few seconds after a destructive action; the data stays in the trash after that. */
export function UndoProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState('');
  const offer = useCallback((label: string, token: string) => {
    setMessage('');
    setPending({ label, token });
  }, []);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setPending(null), 10_000);
    return () => clearTimeout(timer);
  }, [pending]);

  async function undo() {
    if (!pending) return;
    const result = await rapport().undo.apply({ token: pending.token });
    setPending(null);
    setMessage(result.ok ? `Restored: ${result.value.label.replace(/^Deleted /, '')}` : result.error.message);
  }

  return (
    <UndoContext.Provider value={offer}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {pending ? (
          <div className="toast">
            <span>{pending.label}.</span>
            <button type="button" onClick={() => void undo()}>
              Undo
            </button>
          </div>
        ) : message ? (
          <div className="toast">{message}</div>
        ) : null}
      </div>
    </UndoContext.Provider>
  );
}

export const useOfferUndo = () => useContext(UndoContext);

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { EventListItem } from '../../../shared/ipc/channels/events.ts';
import type { Result } from '../../../shared/ipc/result.ts';
import { useToday } from '../../api/AppInfoProvider.tsx';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { navigate, routeFromHash } from '../../navigation/useScreen.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { CaptureForm } from './CaptureForm.tsx';
import type { CapturePrefill } from './capture-draft.ts';
import { currentEvent } from './current-event.ts';
import { CardReader } from '../cards/CardReader.tsx';

interface Capture {
  /** Opens quick capture for an event; a card's fields can fill the form for review. */
  openCapture: (event: { id: string; name: string }, prefill?: CapturePrefill) => void;
  /** The shortcut's target: the event on today (or the nearest within a day), else the Events screen. */
  captureNow: () => void;
}
const CaptureContext = createContext<Capture>({ openCapture: () => {}, captureNow: () => {} });
export const useCapture = () => useContext(CaptureContext);

/** Ctrl/Cmd+Shift+M in the window; the desktop shell registers the same keys system-wide. */
export const CAPTURE_SHORTCUT = { key: 'm', label: 'Shift M', aria: 'Control+Shift+M' } as const;

export function CaptureProvider({ children }: { children: ReactNode }) {
  // `reads` remounts the form after a card is read, so the card's fields fill in over the draft.
  const [state, setState] = useState<{
    event: { id: string; name: string };
    prefill: CapturePrefill;
    reads: number;
  } | null>(null);
  const [saved, setSaved] = useState<string[]>([]);
  const today = useToday();
  const request = useRequest();
  const toast = useToast();

  const openCapture = useCallback((event: { id: string; name: string }, prefill: CapturePrefill = {}) => {
    setSaved([]);
    setState({ event, prefill, reads: 0 });
  }, []);
  const captureNow = useCallback(async () => {
    const result = await request(listOnce, { action: 'find the event on now' });
    const events = result.ok ? result.value : [];
    const event = currentEvent(events, today, routeFromHash(window.location.hash));
    if (event) openCapture(event);
    else {
      navigate('events');
      toast({ title: 'No event on today', description: 'Open an event, then press Quick capture.' });
    }
  }, [openCapture, request, toast, today]);

  useEffect(() => {
    const off = rapport().on('events.openCapture', () => void captureNow());
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || !e.shiftKey || e.altKey || e.key.toLowerCase() !== CAPTURE_SHORTCUT.key) return;
      e.preventDefault();
      void captureNow();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      off();
      window.removeEventListener('keydown', onKey);
    };
  }, [captureNow]);

  const value = useMemo(() => ({ openCapture, captureNow: () => void captureNow() }), [openCapture, captureNow]);
  return (
    <CaptureContext.Provider value={value}>
      {children}
      <Dialog
        open={state !== null}
        title={state ? `Quick capture: ${state.event.name}` : ''}
        onClose={() => setState(null)}
      >
        {state ? (
          <CaptureForm
            key={state.reads}
            eventId={state.event.id}
            prefill={state.prefill}
            saved={saved}
            onSaved={(name) => setSaved((names) => [...names, name])}
            onDone={() => setState(null)}
          />
        ) : null}
        {state ? (
          <CardReader onDraft={({ draft }) => setState((s) => s && { ...s, prefill: draft, reads: s.reads + 1 })} />
        ) : null}
      </Dialog>
    </CaptureContext.Provider>
  );
}

/** The events list as it is now: the first push of the live query, then it is closed. */
function listOnce(): Promise<Result<EventListItem[]>> {
  return new Promise((resolve) => {
    let answered = false;
    const stop = rapport().events.watchList({}, (result) => {
      if (answered) return;
      answered = true;
      resolve(result);
      // Deferred: the first result may arrive before `watchList` has returned `stop`.
      queueMicrotask(() => stop());
    });
  });
}

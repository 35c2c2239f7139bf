import * as RadixToast from '@radix-ui/react-toast';
import { CircleAlert, CircleCheck, X } from 'lucide-react';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Result } from '../../shared/ipc/result.ts';
import { rapport } from '../api/rapport.ts';
import { UNDO_SHORTCUT, useUndoShortcut } from './undo-shortcut.ts';

/** How to take an action back: the core's undo token, or the renderer's own inverse call. */
export type Undo = { token: string } | { run: () => Promise<Result<unknown>> };

export interface ToastSpec {
  kind?: 'success' | 'error';
  title: string;
  description?: string | undefined;
  /** More to read on demand (what an export changed): a disclosure under the description. */
  details?: { label: string; items: string[] } | undefined;
  undo?: Undo | undefined;
  retry?: (() => void) | undefined;
  /** A way on from what was done ("Open" the person just added); closes the toast. */
  next?: { label: string; run: () => void } | undefined;
}

interface Shown extends ToastSpec {
  id: number;
  open: boolean;
  /** A failed undo's toast whose Retry undoes it again: Ctrl/Cmd+Z then presses Retry. */
  retriesUndo?: boolean;
}

/** Long enough to read the line and reach Undo. */
export const UNDO_MS = 8000;
/** Errors, and toasts with details to open, stay a little longer. */
const LONG_MS = 15_000;

const ToastContext = createContext<(toast: ToastSpec) => void>(() => {});

let nextId = 0;

/**
 * Every action says what happened in a toast (Radix: announced politely, paused while hovered or
 * focused, F8 jumps to it). Where the action can be undone the toast offers Undo for 8 seconds,
 * and Ctrl/Cmd+Z outside a text field presses the newest such Undo (undo-shortcut.ts), or Retry
 * on the toast of an undo that failed and can be tried again.
 * Errors show the message with Retry when the caller can retry.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Shown[]>([]);
  const show = useCallback((toast: ToastSpec & Pick<Shown, 'retriesUndo'>) => {
    const id = ++nextId;
    // At most three at once: the oldest make way.
    setToasts((list) => [...list.filter((t) => t.open).slice(-2), { ...toast, id, open: true }]);
  }, []);
  const close = (id: number) => setToasts((list) => list.map((t) => (t.id === id ? { ...t, open: false } : t)));
  const remove = (id: number) => setToasts((list) => list.filter((t) => t.id !== id));
  // Read by the shortcut between renders; `undone` is set at once, so a second press (or a click
  // on Undo) before the toast has closed on screen cannot undo the same action twice.
  const current = useRef(toasts);
  useEffect(() => {
    current.current = toasts;
  }, [toasts]);
  const undone = useRef(new Set<number>());

  async function undo(toast: Shown) {
    if (undone.current.has(toast.id)) return;
    undone.current.add(toast.id);
    close(toast.id);
    const undoSpec = toast.undo!;
    const result = 'token' in undoSpec ? await rapport().undo.apply({ token: undoSpec.token }) : await undoSpec.run();
    // A failed undo can be retried from its error toast, unless what it would put back changed
    // since or is gone: trying again could only fail again.
    const retryable = !result.ok && result.error.code !== 'conflict' && result.error.code !== 'not_found';
    if (retryable) undone.current.delete(toast.id);
    show(
      result.ok
        ? { title: `Undone: ${lowerFirst(toast.title)}` }
        : {
            kind: 'error',
            title: 'Could not undo',
            description: result.error.message,
            ...(retryable ? { retry: () => void undo(toast), retriesUndo: true } : {}),
          },
    );
  }

  // The newest undo still to do, or one that failed and can be tried again: pressing again after a
  // failure means that undo, not the one before it.
  useUndoShortcut(() => {
    const newest = current.current.findLast((t) => t.open && ((t.undo && !undone.current.has(t.id)) || t.retriesUndo));
    if (newest?.retriesUndo) {
      close(newest.id);
      newest.retry!();
    } else if (newest) void undo(newest);
    return newest !== undefined;
  });

  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      <RadixToast.Provider swipeDirection="right" label="Notifications">
        {children}
        {toasts.map((t) => (
          <RadixToast.Root
            key={t.id}
            open={t.open}
            className={`toast ${t.kind ?? 'success'}`}
            duration={t.kind === 'error' || t.details ? LONG_MS : UNDO_MS}
            type={t.kind === 'error' ? 'foreground' : 'background'}
            onOpenChange={(open) => (open ? undefined : close(t.id))}
            onAnimationEnd={() => (t.open ? undefined : remove(t.id))}
          >
            <span className="toast-icon" aria-hidden>
              {t.kind === 'error' ? <CircleAlert size={18} /> : <CircleCheck size={18} />}
            </span>
            <div>
              <RadixToast.Title className="toast-title">{t.title}</RadixToast.Title>
              {t.description ? (
                <RadixToast.Description className="toast-description">{t.description}</RadixToast.Description>
              ) : null}
              {t.details ? (
                <details className="toast-details">
                  <summary>{t.details.label}</summary>
                  <ul>
                    {t.details.items.map((item, i) => (
                      <li key={i}>{item}</li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </div>
            <div className="toast-actions">
              {t.undo ? (
                <RadixToast.Action asChild altText={`Press ${UNDO_SHORTCUT.words} to undo`}>
                  <button
                    type="button"
                    className="small"
                    aria-keyshortcuts={UNDO_SHORTCUT.aria}
                    onClick={() => void undo(t)}
                  >
                    Undo
                  </button>
                </RadixToast.Action>
              ) : null}
              {t.next ? (
                <RadixToast.Action asChild altText={t.next.label}>
                  <button
                    type="button"
                    className="small"
                    onClick={() => {
                      close(t.id);
                      t.next!.run();
                    }}
                  >
                    {t.next.label}
                  </button>
                </RadixToast.Action>
              ) : null}
              {t.retry ? (
                <RadixToast.Action asChild altText="Try again">
                  <button
                    type="button"
                    className="small"
                    aria-keyshortcuts={t.retriesUndo ? UNDO_SHORTCUT.aria : undefined}
                    onClick={() => {
                      close(t.id);
                      t.retry!();
                    }}
                  >
                    Retry
                  </button>
                </RadixToast.Action>
              ) : null}
              <RadixToast.Close className="icon-button small" aria-label="Dismiss">
                <X size={14} aria-hidden />
              </RadixToast.Close>
            </div>
          </RadixToast.Root>
        ))}
        <RadixToast.Viewport className="toast-viewport" />
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase() + text.slice(1);

/** Shows a toast; see ToastProvider. Most callers go through `useRequest` instead. */
export const useToast = () => useContext(ToastContext);

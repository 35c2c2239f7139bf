import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { z } from 'zod';
import { formDrafts } from './draft-store.ts';

export interface Draft<T> {
  values: T;
  /** A setter for one field, like useState's (stable per field). */
  setter<K extends keyof T>(key: K): Dispatch<SetStateAction<T[K]>>;
  set(patch: Partial<T>): void;
  /** The form opened with what was typed before and not saved. */
  restored: boolean;
  /** Back to how the form opened, and the draft forgotten: "Start over", or after a save. */
  discard(): void;
}

/**
 * A controlled form's values, kept as a draft (draft-store.ts) from the first keystroke until
 * `discard()`: the form reopened the same way (same `slot`, same `blank`) brings them back.
 * `slot` null keeps nothing. A new slot starts from its own draft or its blank.
 */
export function useDraft<T extends object>(slot: string | null, blank: T, schema: z.ZodType<T>): Draft<T> {
  const blankJson = JSON.stringify(blank);
  const start = () => (slot === null ? undefined : formDrafts.load(slot, blank, schema));
  const [state, setState] = useState(() => {
    const kept = start();
    return { slot, values: kept ?? blank, restored: kept !== undefined };
  });
  let current = state;
  if (state.slot !== slot) {
    // Another form in the same place (another person's detail): adjusted during render, as React
    // advises, so no frame shows the old one's text. A new blank alone (the record was changed
    // elsewhere while this form is open) keeps what is being typed, as useState would.
    const kept = start();
    current = { slot, values: kept ?? blank, restored: kept !== undefined };
    setState(current);
  }
  const valuesJson = JSON.stringify(current.values);
  useEffect(() => {
    if (slot === null) return;
    const base = JSON.parse(blankJson) as unknown;
    formDrafts.save(slot, base, valuesJson === blankJson ? undefined : (JSON.parse(valuesJson) as unknown));
  }, [slot, blankJson, valuesJson]);

  const setters = useRef(new Map<keyof T, Dispatch<SetStateAction<unknown>>>());
  return {
    values: current.values,
    restored: current.restored,
    set: (patch) => setState((s) => ({ ...s, values: { ...s.values, ...patch } })),
    setter<K extends keyof T>(key: K) {
      let setter = setters.current.get(key);
      if (!setter) {
        setter = (next) =>
          setState((s) => {
            const value = typeof next === 'function' ? (next as (v: unknown) => unknown)(s.values[key]) : next;
            return { ...s, values: { ...s.values, [key]: value } };
          });
        setters.current.set(key, setter);
      }
      return setter as Dispatch<SetStateAction<T[K]>>;
    },
    discard() {
      if (slot !== null) formDrafts.save(slot, blank, undefined);
      setState({ slot, values: blank, restored: false });
    },
  };
}

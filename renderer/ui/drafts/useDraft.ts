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
  /** Back to the form's blank, and the draft forgotten: "Start over", or after a save. */
  discard(): void;
  /** The draft forgotten, the values left as they are (used, but the form stays open). */
  forget(): void;
}

interface State<T> {
  slot: string | null;
  /** What the values started from (JSON): the blank, and what a draft is tied to (`opensFrom`). */
  blank: string;
  opensFrom: string;
  values: T;
  restored: boolean;
  /** Changed by the user since the form opened: only then is anything written. */
  touched: boolean;
}

/**
 * A controlled form's values, kept as a draft (draft-store.ts) from the user's first change
 * until `discard()`. The form opened again in the same `slot` from the same `opensFrom` (by
 * default its `blank`: the record an edit starts from) brings them back; opening a form never
 * writes, so another opening of the slot cannot wipe a draft. `slot` null keeps nothing.
 *
 * When the blank changes under an open form (the record was changed elsewhere): an untouched
 * form follows it; typed values stay, and their draft stays tied to what they started from, so
 * it is never offered over the newer record.
 */
export function useDraft<T extends object>(
  slot: string | null,
  blank: T,
  schema: z.ZodType<T>,
  opensFrom: unknown = blank,
): Draft<T> {
  const blankJson = JSON.stringify(blank);
  const opensFromJson = JSON.stringify(opensFrom);
  const open = (): State<T> => {
    const kept = slot === null ? undefined : formDrafts.load(slot, opensFrom, schema);
    return {
      slot,
      blank: blankJson,
      opensFrom: opensFromJson,
      values: kept ?? blank,
      restored: !!kept,
      touched: false,
    };
  };
  const [state, setState] = useState(open);
  let current = state;
  // Adjusted during render, as React advises, so that no frame shows the wrong form.
  if (state.slot !== slot) current = open();
  else if ((state.blank !== blankJson || state.opensFrom !== opensFromJson) && !state.touched && !state.restored)
    current = { ...state, blank: blankJson, opensFrom: opensFromJson, values: blank };
  if (current !== state) setState(current);

  const valuesJson = JSON.stringify(current.values);
  const { touched, blank: startedFrom, opensFrom: tiedTo } = current;
  useEffect(() => {
    if (slot === null || !touched) return;
    const values = valuesJson === startedFrom ? undefined : (JSON.parse(valuesJson) as unknown);
    formDrafts.save(slot, JSON.parse(tiedTo) as unknown, values);
  }, [slot, touched, valuesJson, startedFrom, tiedTo]);

  const change = (update: (values: T) => T) => setState((s) => ({ ...s, values: update(s.values), touched: true }));
  const setters = useRef(new Map<keyof T, Dispatch<SetStateAction<unknown>>>());
  return {
    values: current.values,
    restored: current.restored,
    set: (patch) => change((values) => ({ ...values, ...patch })),
    setter<K extends keyof T>(key: K) {
      let setter = setters.current.get(key);
      if (!setter) {
        setter = (next) =>
          change((values) => ({
            ...values,
            [key]: typeof next === 'function' ? (next as (v: unknown) => unknown)(values[key]) : next,
          }));
        setters.current.set(key, setter);
      }
      return setter as Dispatch<SetStateAction<T[K]>>;
    },
    discard() {
      if (slot !== null) formDrafts.save(slot, undefined, undefined);
      setState(open());
    },
    forget() {
      if (slot !== null) formDrafts.save(slot, undefined, undefined);
      setState((s) => ({ ...s, touched: false, restored: false }));
    },
  };
}

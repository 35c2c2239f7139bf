import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { z } from 'zod';
import { formDrafts, sameJson } from './draft-store.ts';

/** An uncontrolled form's fields by name (`name=value` for check boxes and radio buttons). */
const FormFields = z.record(z.string(), z.union([z.string().max(200_000), z.boolean()]));
type FormFields = z.infer<typeof FormFields>;

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
/** Never kept: secrets, files, and what the form sets itself. */
const NOT_KEPT = new Set(['password', 'file', 'hidden', 'submit', 'button', 'reset']);

const isKept = (el: unknown): el is Control =>
  (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) &&
  !!el.name &&
  !el.disabled &&
  !(el instanceof HTMLInputElement && NOT_KEPT.has(el.type));

function controls(form: HTMLFormElement): { key: string; control: Control; checkable: boolean }[] {
  const out = [];
  for (const el of Array.from(form.elements)) {
    if (!isKept(el)) continue;
    const checkable = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
    out.push({ key: checkable ? `${el.name}=${el.value}` : el.name, control: el, checkable });
  }
  return out;
}

function fieldsOf(form: HTMLFormElement): FormFields {
  const fields: FormFields = {};
  for (const { key, control, checkable } of controls(form))
    fields[key] = checkable ? (control as HTMLInputElement).checked : control.value;
  return fields;
}

function fill(form: HTMLFormElement, fields: FormFields): void {
  for (const { key, control, checkable } of controls(form)) {
    const value = fields[key];
    if (checkable && typeof value === 'boolean') (control as HTMLInputElement).checked = value;
    else if (!checkable && typeof value === 'string') control.value = value;
  }
}

/**
 * useDraft for a form whose fields are uncontrolled (read with FormData at submit): what is typed
 * is kept from the first change and put back into the fields when the form opens the same way
 * again: the same `slot`, and the same fields as it opened with (an edit's record), or the same
 * `opensFrom` when given (a new form, whose defaults may arrive late). `slot` null keeps nothing.
 */
export function useFormDraft(slot: string | null, form: RefObject<HTMLFormElement | null>, opensFrom?: unknown) {
  const [restored, setRestored] = useState(false);
  /**
   * The fields as the form opened in this slot, and whether this form has written its draft since.
   * Read once per slot (an effect run twice must not read a form it filled), and again while the
   * form is untouched, so that a record changed under it moves what a draft is tied to as well.
   */
  const opened = useRef<{ slot: string; fields: FormFields; wrote: boolean } | null>(null);
  useLayoutEffect(() => {
    const root = form.current;
    const now = opened.current;
    if (root && now && now.slot === slot && !now.wrote) now.fields = fieldsOf(root);
  });
  const opensFromJson = opensFrom === undefined ? undefined : JSON.stringify(opensFrom);
  useLayoutEffect(() => {
    const root = form.current;
    if (!root || slot === null) return;
    const tiedTo = () =>
      opensFromJson === undefined ? opened.current?.fields : (JSON.parse(opensFromJson) as unknown);
    if (opened.current?.slot !== slot) {
      opened.current = { slot, fields: fieldsOf(root), wrote: false };
      const kept = formDrafts.load(slot, tiedTo(), FormFields);
      if (kept && !sameJson(kept, opened.current.fields)) {
        fill(root, kept);
        // Its own draft, from an earlier opening: undoing every change forgets it.
        opened.current.wrote = true;
        // The fields' starting values exist only in the DOM, so whether a draft applies is known only here.
        setRestored(true);
      }
    }
    const keep = (event: Event) => {
      const start = opened.current;
      // A file chosen, a search typed in a part of the form that is not kept: nothing to keep.
      if (!start || !isKept(event.target)) return;
      const now = fieldsOf(root);
      const untouched = sameJson(now, start.fields);
      // Back to how it opened: forget the draft, but only one this form wrote (opening never writes).
      if (untouched && !start.wrote) return;
      formDrafts.save(slot, tiedTo(), untouched ? undefined : now);
      start.wrote = !untouched;
    };
    root.addEventListener('input', keep);
    root.addEventListener('change', keep);
    return () => {
      root.removeEventListener('input', keep);
      root.removeEventListener('change', keep);
    };
  }, [slot, form, opensFromJson]);

  return {
    restored,
    /** Forgets the draft after a save: the fields as they are now are what the form holds. */
    forget() {
      if (slot !== null) formDrafts.save(slot, undefined, undefined);
      if (form.current && slot !== null) opened.current = { slot, fields: fieldsOf(form.current), wrote: false };
      setRestored(false);
    },
    /** "Start over": the fields as the form opened, and the draft forgotten. */
    discard() {
      if (form.current && opened.current) fill(form.current, opened.current.fields);
      if (opened.current) opened.current.wrote = false;
      if (slot !== null) formDrafts.save(slot, undefined, undefined);
      setRestored(false);
    },
  };
}

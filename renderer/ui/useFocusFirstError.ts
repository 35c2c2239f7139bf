import { useEffect, useRef } from 'react';

const FOCUSABLE = 'input:not([type=hidden]), select, textarea, button, [tabindex]';

/**
 * After a submit that failed, moves focus to the first field marked invalid (its message is tied
 * to it, so a screen reader reads both), or brings the form's own message into view when no field
 * is to blame. Without it, a form taller than the window, submitted from the button at its foot,
 * seemed to do nothing. Give the returned ref to the `<form>`.
 */
export function useFocusFirstError(errors: Readonly<Record<string, string | undefined>>) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const root = form.current;
    if (!root || !Object.values(errors).some(Boolean)) return;
    const invalid = root.querySelector<HTMLElement>('[aria-invalid="true"]');
    const field = invalid?.matches(FOCUSABLE) ? invalid : invalid?.querySelector<HTMLElement>(FOCUSABLE);
    if (field) field.focus();
    else root.querySelector<HTMLElement>('[role="alert"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [errors]);
  return form;
}

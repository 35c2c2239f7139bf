import { useLayoutEffect, useRef, type FocusEvent } from 'react';

/** The current screen's heading: every screen's h1 (`ScreenHeading`) can take focus (tabindex -1). */
export const SCREEN_HEADING = '#screen-title';

/** Focus fell to the page: the element that held it left the page, and the body holds it now. */
export const focusFellToPage = () => !document.activeElement || document.activeElement === document.body;

/**
 * Focuses `target` when it is still in the page, else the screen's heading, so that focus never
 * falls to the page and sends a keyboard user back to its top. `options` apply to the target
 * only: the heading is always scrolled into view.
 */
export function focusOrHeading(target?: HTMLElement | null, options?: FocusOptions): void {
  if (target?.isConnected) target.focus(options);
  else document.querySelector<HTMLElement>(SCREEN_HEADING)?.focus();
}

/**
 * For a part of a screen that can go while it holds focus (the People bulk bar goes with the
 * selection it acted on): spread the result onto an element around it that stays. When the
 * element that last held focus inside has left the page and focus fell to the body, `where()`
 * takes focus where it stands (a whole list would scroll to its middle), or the screen's heading
 * when it gives nothing or goes in its turn. Focus the user moved elsewhere stays there. Checks after every render,
 * reading refs only until something that held focus is gone.
 */
export function useFocusFallback<T extends HTMLElement = HTMLDivElement>(where: () => HTMLElement | null | undefined) {
  const ref = useRef<T>(null);
  const held = useRef<Element | null>(null);
  const onFocus = (event: FocusEvent) => {
    // React brings focus events from portals opened here (a menu, a dialog) too: focus there still
    // counts as held by what opened them, which a dialog gives it back to, unless that goes first.
    if (ref.current?.contains(event.target)) held.current = event.target;
  };
  useLayoutEffect(() => {
    if (!held.current || held.current.isConnected) return;
    held.current = null;
    if (!focusFellToPage()) return;
    const target = where();
    focusOrHeading(target, { preventScroll: true });
    // It can go in turn (the list, when the last person was deleted): the heading takes over then.
    if (target?.isConnected) held.current = target;
  });
  return { ref, onFocus };
}

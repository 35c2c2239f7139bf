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

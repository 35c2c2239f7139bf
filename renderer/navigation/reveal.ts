import { useEffect, useLayoutEffect, useRef } from 'react';
import { focusOrHeading } from '../ui/focus-fallback.ts';

/** Something a search hit points to inside a page: an interaction on a timeline, a remembered detail. */
export interface HitTarget {
  kind: 'interaction' | 'detail';
  id: string;
}

/** The mark on the element that shows a target (`data-hit`); the element can take focus (tabindex -1). */
export const hitMark = ({ kind, id }: HitTarget) => `${kind}:${id}`;

const shownElement = (target: HitTarget) =>
  document.querySelector<HTMLElement>(`[data-hit="${CSS.escape(hitMark(target))}"]`);

/** Lists that hold more than they render (the virtual timeline) bring a target in when asked. */
type Revealer = (target: HitTarget) => boolean;
const revealers = new Set<Revealer>();

/** Registers a list's revealer while it is on screen: it says whether it holds the target, and brings it into view. */
export function useRevealer(revealer: Revealer) {
  // Registered once per mount; the newest render's revealer answers (it reads that render's rows).
  const latest = useRef(revealer);
  useLayoutEffect(() => {
    latest.current = revealer;
  });
  useEffect(() => {
    const reveal: Revealer = (target) => latest.current(target);
    revealers.add(reveal);
    return () => void revealers.delete(reveal);
  }, []);
}

/**
 * Shows a target on the page on screen: focuses the element that shows it (scrolling it into
 * view), or lets the list that holds it bring it in. Otherwise, or while a list brings it in, the
 * screen's heading holds focus, as it does when a page opens.
 */
export function revealOnPage(target?: HitTarget): void {
  const shown = target && shownElement(target);
  if (shown) return shown.focus();
  focusOrHeading();
  if (target) for (const reveal of revealers) if (reveal(target)) return;
}

const FRAMES_TO_WAIT = 60;

/**
 * Focuses the element that shows `target` once a list has rendered it (a virtual list renders a
 * row a frame or two after it scrolls there), unless focus moved meanwhile: the user's own move
 * wins. Gives up after about a second.
 */
export function focusWhenShown(target: HitTarget): void {
  const holding = document.activeElement;
  const attempt = (framesLeft: number) => {
    if (document.activeElement !== holding) return;
    const shown = shownElement(target);
    if (shown) shown.focus();
    else if (framesLeft > 0) requestAnimationFrame(() => attempt(framesLeft - 1));
  };
  requestAnimationFrame(() => attempt(FRAMES_TO_WAIT));
}

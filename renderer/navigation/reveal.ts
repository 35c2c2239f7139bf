import { useEffect, useLayoutEffect, useRef } from 'react';
import { focusOrHeading, SCREEN_HEADING } from '../ui/focus-fallback.ts';

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

/** Nobody else has taken focus: the page (body), its heading, or the element showing the target holds it. */
const onlyPageHolds = (target: HitTarget) => {
  const active = document.activeElement;
  return (
    !active ||
    active === document.body ||
    active.id === SCREEN_HEADING.slice(1) ||
    active.getAttribute('data-hit') === hitMark(target)
  );
};

/** Frames the target must keep focus, in view, before the watch ends: a page still loading can render its row again. */
const FRAMES_SETTLED = 20;

/** When the user last moved on their own (scrolled, clicked, typed): a reveal started before gives way. */
let lastUserMove = -Infinity;
for (const type of ['wheel', 'touchmove', 'pointerdown', 'keydown'])
  window.addEventListener(type, () => (lastUserMove = performance.now()), { capture: true, passive: true });
export const userMovedSince = (time: number) => lastUserMove >= time;

/** Time a list is given to bring a target in before it is asked again. */
const MS_BETWEEN_ASKS = 160;

/** Wholly inside the window. */
const inView = (element: HTMLElement) => {
  const box = element.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
};

/**
 * Focuses the element that shows `target` once it is rendered (a virtual list renders a row a
 * frame or two after it scrolls there), or once a list that holds it can bring it in. A page
 * still loading can render that element again, which takes focus with it, or move it, so it is
 * watched until it has kept focus, in view, for a while. While it is not rendered, the lists are
 * asked again now and then: a page still opening can scroll back to its top (its heading taking
 * focus) after a list brought the target in. Stops when anyone else takes focus (a move of the
 * user's wins), and after `ms` (in time, not frames: a busy machine draws fewer of them while the
 * page and its rows load).
 */
function focusOnceShown(target: HitTarget, ms: number, askLists: boolean): void {
  const ends = performance.now() + ms;
  let nextAsk = askLists ? 0 : Infinity;
  let held = 0;
  const started = performance.now();
  const attempt = () => {
    // The user scrolling, clicking or typing meanwhile ends the watch: their move wins.
    if (userMovedSince(started) || !onlyPageHolds(target)) return;
    const shown = shownElement(target);
    if (shown && document.activeElement === shown) {
      // A virtual list moves its rows as it measures the ones it renders, which can carry the
      // focused one out of the window: brought back, and watched for a while again.
      if (inView(shown)) held++;
      else {
        held = 0;
        shown.scrollIntoView({ block: 'center' });
      }
    } else if (shown) shown.focus();
    else if (performance.now() >= nextAsk) {
      for (const reveal of revealers) if (reveal(target)) nextAsk = performance.now() + MS_BETWEEN_ASKS;
    }
    if (held < FRAMES_SETTLED && performance.now() < ends) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/** For a list that scrolled to `target`: focuses it once rendered (its page may still be on its way), within 3 s. */
export const focusWhenShown = (target: HitTarget) => focusOnceShown(target, 3000, false);

/**
 * Shows a target on the page being opened: once the page has rendered the element that shows it,
 * or a list that holds it can bring it in. Until then the page's heading holds focus, as it does
 * when a page opens (a person's page shows "Loading…" first, then their name). A timeline asks
 * the core where an entry older than its fetched pages stands and scrolls there. Gives up after
 * 5 s (an entry the page does not show): the heading keeps focus.
 */
export const revealOnOpening = (target: HitTarget) => focusOnceShown(target, 5000, true);

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

/** When the user last moved on their own (scrolled, clicked, typed): a reveal started before gives way. */
let lastUserMove = -Infinity;
for (const type of ['wheel', 'touchmove', 'pointerdown', 'keydown'])
  window.addEventListener(type, () => (lastUserMove = performance.now()), { capture: true, passive: true });
// Strictly after: the clock is coarse (100 µs in a page), and the key that started a reveal can
// read the same time as the reveal itself.
export const userMovedSince = (time: number) => lastUserMove > time;

/** Time a list is given to bring a target in before it is asked again. */
const MS_BETWEEN_ASKS = 160;

/** Wholly inside the window. */
const inView = (element: HTMLElement) => {
  const box = element.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
};

/** Frames the target must hold focus in view before the watch stops bringing it back into view. */
const FRAMES_SETTLED = 20;

/** The watch running for each target (by `hitMark`): asked again, it runs on instead of a second one. */
const watches = new Map<string, { started: number; ends: number; askLists: boolean }>();

/** Ends every watch at its next frame: tests call it between tests, whose pages a watch must not outlive. */
export const stopRevealWatches = () => watches.clear();

/**
 * Focuses the element that shows `target` once it is rendered (a virtual list renders a row a
 * frame or two after it scrolls there), or once a list that holds it can bring it in, and keeps it
 * focused until `ms` have passed: a page still loading can render that element again, which takes
 * focus with it, or give its heading focus late. Until it has held focus in view for a while, it
 * is also brought back into view when the list moves it; after that only when focus is lost, so a
 * scroll of the user's that sends no event (a screen reader's cursor) is not fought. While it is
 * not rendered, the lists are asked again now and then: a page still opening can scroll back to
 * its top after a list brought the target in. Stops at once when the user moves (scrolls, clicks,
 * types), another control takes focus (their move wins), or the page that showed it goes. Time,
 * not frames: a busy machine draws fewer of them while the page and its rows load.
 */
function focusOnceShown(target: HitTarget, ms: number, askLists: boolean): void {
  const mark = hitMark(target);
  const started = performance.now();
  const running = watches.get(mark);
  // One the user has moved since is over, whether or not its next frame has said so yet.
  if (running && !userMovedSince(running.started)) {
    running.ends = Math.max(running.ends, started + ms);
    running.askLists ||= askLists;
    return;
  }
  const watch = { started, ends: started + ms, askLists };
  watches.set(mark, watch);
  const stop = () => {
    if (watches.get(mark) === watch) watches.delete(mark);
  };
  let nextAsk = 0;
  let held = 0;
  // The heading of the page that showed the target: once it has gone, so has that page.
  let page: Element | null | undefined;
  const attempt = () => {
    if (watches.get(mark) !== watch) return;
    if (userMovedSince(started) || !onlyPageHolds(target)) return stop();
    const shown = shownElement(target);
    if (shown && page === undefined) page = document.querySelector(SCREEN_HEADING);
    if (page && !page.isConnected) return stop();
    if (shown && document.activeElement === shown) {
      // A virtual list moves its rows as it measures the ones it renders, which can carry the
      // focused one out of the window: it is brought back, until it has settled.
      if (inView(shown)) held++;
      else if (held < FRAMES_SETTLED) shown.scrollIntoView({ block: 'center' });
    } else if (shown) {
      shown.focus();
      held = 0;
    } else if (watch.askLists && performance.now() >= nextAsk) {
      for (const reveal of revealers) if (reveal(target)) nextAsk = performance.now() + MS_BETWEEN_ASKS;
    }
    if (performance.now() < watch.ends) requestAnimationFrame(attempt);
    else stop();
  };
  requestAnimationFrame(attempt);
}

/** For a list that scrolled to `target`: focuses it once rendered (its page may still be on its way); watched for 8 s. */
export const focusWhenShown = (target: HitTarget) => focusOnceShown(target, 8000, false);

/**
 * Shows a target on the page being opened: once the page has rendered the element that shows it,
 * or a list that holds it can bring it in. Until then the page's heading holds focus, as it does
 * when a page opens (a person's page shows "Loading…" first, then their name). A timeline asks
 * the core where an entry older than its fetched pages stands and scrolls there. Watched for 10 s:
 * an entry the page does not show leaves focus on the heading.
 */
export const revealOnOpening = (target: HitTarget) => focusOnceShown(target, 10_000, true);

import { useLayoutEffect, useRef, type FocusEvent } from 'react';
import { focusFellToPage, focusOrHeading } from './focus-fallback.ts';

/**
 * Names a control of a row (`data-row-control="actions"`): when its row goes, focus moves to the
 * control of that name in the row now in its place, so a keyboard user deleting one entry after
 * another stays on the same button.
 */
const ROW_CONTROL = 'data-row-control';

interface Held {
  control: Element;
  /** Its row's place among the list's children. */
  index: number;
  /** A virtual list's row index (`data-index`): its rendered rows start anywhere and can shift. */
  virtualIndex: string | null;
  name: string | null;
  /** The entry it shows, when it is a row's own focusable element (reveal.ts `hitMark`). */
  hit: string | null;
  /** The list's row count then: a hit's entry is waited for only while none went since. */
  count: number;
}

/** The list's child that holds `element`. */
function rowOf(list: Element, element: Element): Element | null {
  let row: Element | null = element;
  while (row && row.parentElement !== list) row = row.parentElement;
  return row;
}

/**
 * The rendered row of a virtual list at `index`, or the last row when `index` is now past the end
 * of the list (the last row went: `count` rows left). Undefined when `index` is outside the
 * rendered rows of a list still that long: the row scrolled out of the window (or the list measured
 * its rows and drew one fewer), and focus is not pulled along as the user scrolls.
 */
function virtualRow(rows: HTMLCollection, index: number, count: number): Element | undefined {
  const at = (row: Element) => Number(row.getAttribute('data-index'));
  const rendered = [...rows].sort((a, b) => at(a) - at(b));
  const last = rendered.at(-1);
  const lastWent = index >= count && last !== undefined && at(last) === index - 1;
  return rendered.find((row) => at(row) === index) ?? (lastWent ? last : undefined);
}

/**
 * Keeps keyboard focus in a list whose rows can vanish under it (Done or Later on Today, a deleted
 * interaction, a detail asked about): when the control that held focus is gone, focus moves to
 * the row now in its place (or the last row): its control of the same name (`ROW_CONTROL`), else
 * its first link or button. With no row left, the screen's heading takes focus. Only when focus
 * fell to the page: focus the user moved to another control stays there. A row still loading (a
 * virtual list's placeholder) is waited for. Spread the result onto the element whose children
 * are the rows. It checks after every render (a virtual list's rows change without new props),
 * reading refs only until a control that held focus is gone. A virtual list gives its row count
 * (`count`): a row missing from a list as long as before scrolled out, it did not go.
 */
export function useFocusStaysInList<T extends HTMLElement = HTMLUListElement>(count = Infinity) {
  const ref = useRef<T>(null);
  const held = useRef<Held | null>(null);
  const onFocus = (event: FocusEvent) => {
    const list = ref.current;
    // Focus in a menu or dialog a row opened (portals) is not a row's.
    if (!list?.contains(event.target)) return;
    const row = rowOf(list, event.target);
    held.current = row
      ? {
          control: event.target,
          index: Array.prototype.indexOf.call(list.children, row),
          virtualIndex: row.getAttribute('data-index'),
          name: event.target.closest(`[${ROW_CONTROL}]`)?.getAttribute(ROW_CONTROL) ?? null,
          hit: event.target.getAttribute('data-hit'),
          count,
        }
      : null;
  };
  useLayoutEffect(() => {
    const was = held.current;
    if (!was || was.control.isConnected) return;
    if (!focusFellToPage()) {
      held.current = null;
      return;
    }
    // The same element drawn again (a virtual list re-creating the row of an entry a search hit
    // focused, `data-hit`): it takes focus back, not a control of the row in its place.
    const again = was.hit ? ref.current?.querySelector<HTMLElement>(`[data-hit="${CSS.escape(was.hit)}"]`) : null;
    if (again) {
      held.current = null;
      again.focus({ preventScroll: true });
      return;
    }
    // Its row is out of the drawn window but the entry is still in the list (a virtual list
    // re-measuring its rows right after scrolling to it): it takes focus back when drawn again.
    // A list shorter than then lost a row (this entry, deleted here or by a sync): the row now in
    // its place takes focus instead.
    if (was.hit && was.virtualIndex !== null && Number(was.virtualIndex) < count && count >= was.count) return;
    const rows = ref.current?.children;
    if (!rows?.length) {
      held.current = null;
      focusOrHeading();
      return;
    }
    const row =
      was.virtualIndex === null
        ? rows[Math.min(was.index, rows.length - 1)]
        : virtualRow(rows, Number(was.virtualIndex), count);
    if (!row) {
      held.current = null;
      return;
    }
    const named = was.name ? row.querySelector<HTMLElement>(`[${ROW_CONTROL}="${was.name}"]`) : null;
    const control = named ?? row.querySelector<HTMLElement>('a[href], button');
    if (!control) return;
    held.current = null;
    // The row in its place is where the gone one was; a virtual list's row that scrolled away
    // must not pull the list back.
    control.focus({ preventScroll: true });
  });
  return { ref, onFocus };
}

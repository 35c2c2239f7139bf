import { useLayoutEffect, useRef, type FocusEvent } from 'react';

/**
 * Keeps keyboard focus in a list whose rows can vanish under it (Done or Later on Today): when
 * the row that held focus is gone, focus moves to the row now in its place (or the last one),
 * instead of falling to the page and sending a keyboard user back to the top. Only when focus
 * fell to the page with the row: focus the user moved to another control stays there. Spread the
 * result onto the list element; `rows` is what the list renders.
 */
export function useFocusStaysInList(rows: readonly unknown[]) {
  const ref = useRef<HTMLUListElement>(null);
  const focused = useRef<{ row: Element; index: number } | null>(null);
  const onFocus = (event: FocusEvent) => {
    const list = ref.current;
    // Focus in a menu or dialog a row opened (portals) is not a row's.
    if (!list?.contains(event.target)) return;
    const row = (event.target as HTMLElement).closest('li');
    focused.current = row ? { row, index: Array.prototype.indexOf.call(list.children, row) } : null;
  };
  useLayoutEffect(() => {
    const list = ref.current;
    const was = focused.current;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (!list || !was || was.row.isConnected || !lost) return;
    focused.current = null;
    const row = list.children[Math.min(was.index, list.children.length - 1)];
    row?.querySelector<HTMLElement>('a[href], button')?.focus();
  }, [rows]);
  return { ref, onFocus };
}

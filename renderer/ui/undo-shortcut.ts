import { useEffect, useRef } from 'react';
import { IS_MAC } from './keys.ts';

/**
 * Ctrl+Z (⌘Z on a Mac) undoes the newest action whose toast still offers Undo, as desktop users
 * expect; F8 still reaches the toast itself. Never while typing: in a text field Ctrl+Z must keep
 * undoing the typing (the browser's own undo), so there it is left alone.
 */
export const UNDO_SHORTCUT = {
  /** For `aria-keyshortcuts`. */
  aria: IS_MAC ? 'Meta+Z' : 'Control+Z',
  /** For words read out or shown. */
  words: IS_MAC ? 'Command+Z' : 'Control+Z',
};

export function isUndoShortcut(event: KeyboardEvent): boolean {
  // Held down, it would undo one toast after another.
  if (event.repeat || event.altKey || event.shiftKey || !(event.ctrlKey || event.metaKey)) return false;
  return event.key.toLowerCase() === 'z';
}

/** Inputs with no text of their own to undo; every other input takes typing. */
const NOT_TYPED = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'hidden',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** Whether Ctrl+Z at `target` belongs to the text being typed there. */
export function editsText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !NOT_TYPED.has(target.type);
}

/**
 * An open dialog, popover or menu (Radix marks none of them `aria-modal`), or a focused select:
 * the toasts behind are not what the user is looking at, and an undo there would change what the
 * dialog is about.
 */
const inOverlay = (target: EventTarget | null) =>
  (target instanceof Element && target.closest('select') !== null) ||
  document.querySelector('[role=dialog], [role=alertdialog], [role=menu]') !== null;

/**
 * Calls `undoNewest` on Ctrl/Cmd+Z outside text fields and overlays; it answers whether it undid
 * something, and only then is the key kept from the browser (and the desktop shell's Edit menu).
 */
export function useUndoShortcut(undoNewest: () => boolean): void {
  const latest = useRef(undoNewest);
  useEffect(() => {
    latest.current = undoNewest;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isUndoShortcut(event) || editsText(event.target) || inOverlay(event.target))
        return;
      if (latest.current()) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

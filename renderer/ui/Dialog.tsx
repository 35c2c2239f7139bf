import * as RadixDialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import { useRef, type ReactNode } from 'react';
import { focusFellToPage, focusOrHeading } from './focus-fallback.ts';
import { OutsidePopupLayer } from './PopupLayer.tsx';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  size?: 'normal' | 'wide' | 'palette' | 'full';
  /** Hide the visible title (the palette); it still names the dialog for screen readers. */
  hideTitle?: boolean;
  /**
   * Moves focus when the dialog has closed, instead of back to the opener: the palette shows the
   * hit it opened. Returns false to leave focus to the opener.
   */
  focusOnClose?: () => boolean;
}

/** Marks a control whose open list Escape closes before the dialog (see onEscapeKeyDown). */
export const ESCAPE_CLOSES_LIST = 'data-escape-closes-list';

const FIRST_FIELD =
  '[data-autofocus], input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not(:disabled), textarea:not(:disabled), select:not(:disabled)';

/**
 * A modal dialog (Radix): focus is trapped, Escape closes it, and so does a click outside unless
 * it holds a form. Focus returns to the element that opened it. Focus starts in the first field
 * (or the element marked `data-autofocus`), never on the close button, so typing straight after a
 * shortcut lands in the form. The content is rendered only while open, so each opening starts
 * fresh.
 */
export function Dialog({ open, title, onClose, children, size = 'normal', hideTitle, focusOnClose }: DialogProps) {
  const content = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  return (
    <RadixDialog.Root open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          ref={content}
          className={`dialog ${size === 'normal' ? '' : size}`}
          aria-describedby={undefined}
          onOpenAutoFocus={(event) => {
            // Still the element that opened the dialog: focus has not moved in yet.
            // The page itself (nothing focused) is no place to go back to: the heading is.
            opener.current =
              document.activeElement instanceof HTMLElement && !focusFellToPage() ? document.activeElement : null;
            const first = content.current?.querySelector<HTMLElement>(FIRST_FIELD);
            if (!first) return;
            event.preventDefault();
            first.focus();
          }}
          onEscapeKeyDown={(event) => {
            // A box that handles Escape itself while its suggestions are open (it marks itself
            // `data-escape-closes-list`) closes them first: Radix hears the key before the box.
            // Not every combobox: the search palette's box is always "expanded".
            if (event.target instanceof Element && event.target.closest(`[${ESCAPE_CLOSES_LIST}]`))
              event.preventDefault();
          }}
          onInteractOutside={(event) => {
            // A click beside a form is too easily a slip, and would throw away what was typed:
            // forms close by Escape, Close or their own buttons. Other dialogs close on it.
            if (content.current?.querySelector('form')) event.preventDefault();
          }}
          onCloseAutoFocus={(event) => {
            // Radix would focus its Trigger, which these dialogs (opened by shortcuts, menus and
            // buttons alike) do not use, and focus would fall to the page. Back to the opener
            // instead, or to the screen's heading when the opener is gone (a row that was done),
            // unless focus has found a place already: this runs a task after the dialog went, and
            // what held the opener may have placed it meanwhile (useFocusFallback).
            event.preventDefault();
            if (focusOnClose?.()) return;
            if (opener.current?.isConnected || focusFellToPage()) focusOrHeading(opener.current);
          }}
        >
          {hideTitle ? (
            <RadixDialog.Title className="visually-hidden">{title}</RadixDialog.Title>
          ) : (
            <header className="dialog-header">
              <RadixDialog.Title>{title}</RadixDialog.Title>
              <RadixDialog.Close className="icon-button" aria-label="Close">
                <X size={18} aria-hidden />
              </RadixDialog.Close>
            </header>
          )}
          <OutsidePopupLayer>{children}</OutsidePopupLayer>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

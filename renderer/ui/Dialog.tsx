import * as RadixDialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import { useRef, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  size?: 'normal' | 'wide' | 'palette' | 'full';
  /** Hide the visible title (the palette); it still names the dialog for screen readers. */
  hideTitle?: boolean;
}

const FIRST_FIELD =
  '[data-autofocus], input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not(:disabled), textarea:not(:disabled), select:not(:disabled)';

/**
 * A modal dialog (Radix): focus is trapped, Escape and a click outside close it, focus returns
 * where it was. Focus starts in the first field (or the element marked `data-autofocus`), never
 * on the close button, so typing straight after a shortcut lands in the form. The content is
 * rendered only while open, so each opening starts fresh.
 */
export function Dialog({ open, title, onClose, children, size = 'normal', hideTitle }: DialogProps) {
  const content = useRef<HTMLDivElement>(null);
  return (
    <RadixDialog.Root open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          ref={content}
          className={`dialog ${size === 'normal' ? '' : size}`}
          aria-describedby={undefined}
          onOpenAutoFocus={(event) => {
            const first = content.current?.querySelector<HTMLElement>(FIRST_FIELD);
            if (!first) return;
            event.preventDefault();
            first.focus();
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
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

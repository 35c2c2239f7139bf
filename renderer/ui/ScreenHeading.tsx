import { useEffect, useRef, type ReactNode } from 'react';

/** Focus is in a dialog or popover (the search palette opened by Ctrl+K, a popover on the screen). */
const focusInDialog = () => !!document.activeElement?.closest('[role="dialog"], [role="alertdialog"]');

/**
 * Each screen's h1 takes focus when the screen opens, so keyboard and screen-reader users land on
 * it. Not from a dialog opened meanwhile: a screen shows its heading once its data has come, and
 * Ctrl+1 then Ctrl+K typed at once would otherwise lose the keys typed into the search between.
 * The dialog gives focus to this heading when it closes and its opener has gone (Dialog.tsx).
 */
export function ScreenHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusInDialog()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} id="screen-title" tabIndex={-1} className="screen-heading">
      {children}
    </h1>
  );
}

import { forwardRef, type ElementType, type ReactNode } from 'react';

/**
 * Stands in for `react-remove-scroll` in the renderer build (aliased in electron.vite.config.ts).
 * Radix wraps dialogs, menus and selects in it to stop the page scrolling behind them, and it
 * does that by injecting a <style> element, which the app's CSP (`style-src 'self'`) refuses.
 * The app never scrolls the body (only `main` scrolls, under the overlay), so nothing is lost.
 */
interface RemoveScrollProps {
  children?: ReactNode;
  as?: ElementType;
  [prop: string]: unknown;
}

const IGNORED = ['enabled', 'allowPinchZoom', 'shards', 'removeScrollBar', 'inert', 'noIsolation', 'gapMode'];

export const RemoveScroll = forwardRef<HTMLElement, RemoveScrollProps>(function RemoveScroll(
  { children, as = 'div', ...props },
  ref,
) {
  const As = as as ElementType;
  const rest = Object.fromEntries(Object.entries(props).filter(([key]) => !IGNORED.includes(key)));
  return (
    <As ref={ref} {...rest}>
      {children}
    </As>
  );
});
export default RemoveScroll;

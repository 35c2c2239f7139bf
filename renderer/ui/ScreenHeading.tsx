import { useEffect, useRef, type ReactNode } from 'react';

/** Each screen's h1 takes focus when the screen opens, so keyboard and screen-reader users land on it. */
export function ScreenHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 ref={ref} id="screen-title" tabIndex={-1} className="screen-heading">
      {children}
    </h1>
  );
}

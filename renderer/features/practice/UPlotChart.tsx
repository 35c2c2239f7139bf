import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Reads a theme colour so charts follow light and dark mode like the rest of the app. */
export function themeColour(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/**
 * A uPlot chart sized to its container. It is decorative for assistive technology: every chart
 * on the Practice screen sits beside a text summary and a table holding the same numbers.
 * uPlot sets its styles from script, which the app's CSP allows (it forbids only inline
 * style attributes in HTML).
 */
export function UPlotChart({
  options,
  data,
  height = 220,
}: {
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height?: number;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    // Without a canvas (e.g. a test DOM) there is nothing to draw; the table still carries the data.
    if (!el || typeof HTMLCanvasElement === 'undefined' || !document.createElement('canvas').getContext?.('2d')) return;
    const width = () => Math.max(240, el.clientWidth || 480);
    const plot = new uPlot({ ...options, width: width(), height }, data, el);
    const observer =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver(() => plot.setSize({ width: width(), height }));
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      plot.destroy();
    };
  }, [options, data, height]);
  return <div ref={host} className="chart" aria-hidden="true" />;
}

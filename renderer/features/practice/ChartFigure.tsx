import { useId, type ReactNode } from 'react';
import type uPlot from 'uplot';
import { themeColour } from './UPlotChart.tsx';

/** One chart with its caption, a plain-language summary and the same numbers as a table. */
export function ChartFigure({
  title,
  summary,
  chart,
  table,
}: {
  title: string;
  summary: string;
  chart: ReactNode;
  table: ReactNode;
}) {
  const id = useId();
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}>{title}</figcaption>
      <p className="chart-summary">{summary}</p>
      {chart}
      <details>
        <summary>{`Show “${title}” as a table`}</summary>
        {table}
      </details>
    </figure>
  );
}

/** A table with a header row; cells are plain text. */
export function DataTable({
  head,
  rows,
}: {
  head: readonly string[];
  rows: readonly (readonly [string, ...string[]])[];
}) {
  return (
    <table className="data-table">
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, ...cells]) => (
          <tr key={key}>
            {cells.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Labels x positions 1…n with the given strings, skipping non-integer ticks. */
export const indexAxis = (labels: readonly string[], label?: string): uPlot.Axis => ({
  ...(label ? { label } : {}),
  stroke: themeColour('--muted', '#57606a'),
  // Whole steps only: a tick between two practices would label nothing.
  incrs: [1, 2, 5, 10, 20, 50],
  values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? (labels[v - 1] ?? '') : '')),
});

export const yAxis = (label: string): uPlot.Axis => ({ label, stroke: themeColour('--muted', '#57606a') });

/** The x series, whose legend shows the hovered point's name instead of uPlot's bare index. */
export const xSeries = (label: string, names: readonly string[]): uPlot.Series => ({
  label,
  value: (_u, v) => (v == null ? '–' : (names[v - 1] ?? '–')),
});

/** x from 1 to n with half a step of room either side. */
export const indexScale = (n: number) => ({ time: false, range: [0.5, Math.max(n, 1) + 0.5] as uPlot.Range.MinMax });

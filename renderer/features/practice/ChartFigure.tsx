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
        {/* A title that quotes a ladder's name already: no quotes around quotes. */}
        <summary>{title.includes('“') ? `Show as a table: ${title}` : `Show “${title}” as a table`}</summary>
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

/** Axis text, grid and ticks in the theme's colours: uPlot's own are grey on white and vanish in dark mode. */
const themedAxis = (): Pick<uPlot.Axis, 'stroke' | 'grid' | 'ticks'> => {
  const line = themeColour('--border', '#e2e2de');
  return { stroke: themeColour('--text-muted', '#5c6370'), grid: { stroke: line }, ticks: { stroke: line } };
};

/** Labels x positions 1…n with the given strings, skipping non-integer ticks. */
export const indexAxis = (labels: readonly string[], label?: string): uPlot.Axis => ({
  ...(label ? { label } : {}),
  ...themedAxis(),
  // Whole steps only: a tick between two practices would label nothing.
  incrs: [1, 2, 5, 10, 20, 50],
  values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? (labels[v - 1] ?? '') : '')),
});

/** A value axis; `whole` for a 0–10 rating, whose ticks are whole numbers (no 2.5 or 7.5). */
export const yAxis = (label: string, whole = false): uPlot.Axis => ({
  label,
  ...themedAxis(),
  ...(whole ? { incrs: [1, 2, 5, 10] } : {}),
});

/** x from 1 to n with half a step of room either side. */
export const indexScale = (n: number) => ({ time: false, range: [0.5, Math.max(n, 1) + 0.5] as uPlot.Range.MinMax });

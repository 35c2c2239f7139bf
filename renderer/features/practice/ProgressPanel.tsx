import { useId, useMemo } from 'react';
import uPlot from 'uplot';
import type { PracticeProgress } from '../../../shared/domain/practice/model.ts';
import { formatDate, formatDateShort } from '../../ui/dates.ts';
import { themeColour, UPlotChart } from './UPlotChart.tsx';

const day = formatDate;
const short = (iso: string) => formatDateShort(iso);

/** Labels x positions 0…n-1 (or 1…n) with the given strings, skipping non-integer ticks. */
const indexAxis = (labels: string[], offset: number): uPlot.Axis => ({
  stroke: themeColour('--muted', '#57606a'),
  // Whole steps only: a tick between two sessions or weeks would label nothing.
  incrs: [1, 2, 5, 10, 20, 50],
  values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? (labels[v - offset] ?? '') : '')),
});
const yAxis = (label: string): uPlot.Axis => ({ label, stroke: themeColour('--muted', '#57606a') });

/** One chart with its caption, a plain-language summary and the same numbers as a table. */
function ChartFigure({
  title,
  summary,
  chart,
  table,
}: {
  title: string;
  summary: string;
  chart: React.ReactNode;
  table: React.ReactNode;
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

/** Progress over time: anxiety before and after, practices per week, expectations against outcomes. */
export function ProgressPanel({ progress }: { progress: PracticeProgress }) {
  const { points, weeks, calibration } = progress;
  const charts = useMemo(() => {
    const accent = themeColour('--accent', '#0b6e4f');
    const focus = themeColour('--focus', '#1f6feb');
    const muted = themeColour('--muted', '#57606a');
    const danger = themeColour('--danger', '#b42318');
    const xs = points.map((_, i) => i + 1);
    const labels = points.map((p) => short(p.completedOn));
    const base = { legend: { show: true }, cursor: { show: true } };
    // The x series' legend shows the hovered session's date instead of uPlot's bare index.
    const xSeries = (names: string[], offset: number): uPlot.Series => ({
      label: 'When',
      value: (_u, v) => (v == null ? '–' : (names[v - offset] ?? '–')),
    });
    return {
      suds: {
        options: {
          ...base,
          scales: {
            x: { time: false, range: [0.5, Math.max(points.length, 1) + 0.5] as uPlot.Range.MinMax },
            y: { range: [0, 10] as uPlot.Range.MinMax },
          },
          axes: [indexAxis(labels, 1), yAxis('Anxiety 0–10')],
          series: [
            xSeries(labels, 1),
            { label: 'Before', stroke: focus, width: 2 },
            { label: 'Peak', stroke: muted, dash: [4, 4] },
            { label: 'After', stroke: accent, width: 2 },
          ],
        },
        data: [
          xs,
          points.map((p) => p.before),
          points.map((p) => p.peak),
          points.map((p) => p.after),
        ] as uPlot.AlignedData,
      },
      weeks: {
        options: {
          ...base,
          scales: {
            x: { time: false, range: [-0.5, weeks.length - 0.5] as uPlot.Range.MinMax },
            y: { range: (_u: uPlot, _min: number, max: number) => [0, Math.max(3, max + 1)] as uPlot.Range.MinMax },
          },
          axes: [
            indexAxis(
              weeks.map((w) => short(w.weekStart)),
              0,
            ),
            { ...yAxis('Practices'), incrs: [1, 2, 5, 10] },
          ],
          series: [
            xSeries(
              weeks.map((w) => `week of ${short(w.weekStart)}`),
              0,
            ),
            {
              label: 'Practices',
              stroke: accent,
              fill: accent,
              paths: uPlot.paths.bars!({ size: [0.6, 48] }),
              points: { show: false },
            },
          ],
        },
        data: [weeks.map((_, i) => i), weeks.map((w) => w.count)] as uPlot.AlignedData,
      },
      predictions: {
        options: {
          ...base,
          scales: {
            x: { time: false, range: [0.5, Math.max(points.length, 1) + 0.5] as uPlot.Range.MinMax },
            y: { range: [0, 100] as uPlot.Range.MinMax },
          },
          axes: [indexAxis(labels, 1), yAxis('%')],
          series: [
            xSeries(labels, 1),
            { label: 'How likely it felt', stroke: focus, width: 2 },
            {
              label: 'Happened (100) or not (0)',
              stroke: danger,
              paths: () => null,
              points: { show: true, size: 9, fill: danger },
            },
          ],
        },
        data: [xs, points.map((p) => p.likelihood), points.map((p) => (p.happened ? 100 : 0))] as uPlot.AlignedData,
      },
    };
  }, [points, weeks]);

  const latest = points.at(-1);
  const sudsSummary = latest
    ? `${points.length === 1 ? '1 practice' : `${points.length} practices`} so far. Most recent, ${day(latest.completedOn)}, “${latest.task}”: anxiety ${latest.before} before, ${latest.peak} at its highest, ${latest.after} after.`
    : 'No finished practices yet. After your first, anxiety before and after appears here.';
  const thisWeek = weeks.at(-1)?.count ?? 0;
  const total = weeks.reduce((n, w) => n + w.count, 0);
  const weeksSummary = `${total} ${total === 1 ? 'practice' : 'practices'} in the last ${weeks.length} weeks, ${thisWeek} this week.`;

  return (
    <section className="progress" aria-labelledby="progress-title">
      <h2 id="progress-title">Progress</h2>
      <ChartFigure
        title="Anxiety before and after"
        summary={sudsSummary}
        chart={points.length ? <UPlotChart {...charts.suds} /> : null}
        table={
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Practice</th>
                <th scope="col">Before</th>
                <th scope="col">Highest</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.id}>
                  <td>{day(p.completedOn)}</td>
                  <td>{p.task}</td>
                  <td>{p.before}</td>
                  <td>{p.peak}</td>
                  <td>{p.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <ChartFigure
        title="Practices per week"
        summary={weeksSummary}
        chart={<UPlotChart {...charts.weeks} height={180} />}
        table={
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Week starting</th>
                <th scope="col">Practices</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w.weekStart}>
                  <td>{day(w.weekStart)}</td>
                  <td>{w.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <ChartFigure
        title="What you expected and what happened"
        summary={calibration.summary}
        chart={points.length ? <UPlotChart {...charts.predictions} /> : null}
        table={
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Practice</th>
                <th scope="col">How likely it felt</th>
                <th scope="col">Did it happen?</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.id}>
                  <td>{day(p.completedOn)}</td>
                  <td>{p.task}</td>
                  <td>{p.likelihood}%</td>
                  <td>{p.happened ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </section>
  );
}

import { useMemo } from 'react';
import type uPlot from 'uplot';
import type {
  BeliefChange,
  LadderProgress,
  PracticePoint,
  PracticeProgress,
  StepAttempt,
} from '../../../shared/domain/practice/progress-model.ts';
import { formatDate, formatDateShort } from '../../ui/dates.ts';
import { ChartFigure, DataTable, indexAxis, indexScale, yAxis } from './ChartFigure.tsx';
import { themeColour, UPlotChart } from './UPlotChart.tsx';

// A legend of the lines alone: live values read "When: – Before: --" until hovered, and the
// table beside each chart holds every number.
const base = { legend: { show: true, live: false }, cursor: { show: true } };
const stayedText = (stayed: StepAttempt['stayed']) =>
  stayed === 'until-done' ? 'Stayed' : stayed === 'left-early' ? 'Left early' : 'Not asked';

/** Series colours for steps; past the palette, lines are dashed so no two steps look alike. */
function stepStyle(index: number): Pick<uPlot.Series, 'stroke' | 'dash' | 'width'> {
  const palette = [
    themeColour('--accent', '#0b6e4f'),
    themeColour('--focus', '#2f6fed'),
    themeColour('--warning', '#8a5300'),
    themeColour('--danger', '#b42318'),
    themeColour('--text-muted', '#5c6370'),
  ];
  return {
    stroke: palette[index % palette.length]!,
    width: 2,
    ...(index >= palette.length ? { dash: [6, 3] } : {}),
  };
}

/**
 * One ladder's steps, each its own line of highest anxiety per try. A harder step starts its own
 * line, so moving up the ladder never reads as getting worse.
 */
function LadderChart({ ladder }: { ladder: LadderProgress }) {
  const tried = useMemo(
    () => ladder.steps.map((s, i) => ({ ...s, number: i + 1 })).filter((s) => s.attempts.length > 0),
    [ladder],
  );
  const chart = useMemo(() => {
    const most = Math.max(...tried.map((s) => s.attempts.length));
    const xs = Array.from({ length: most }, (_, i) => i + 1);
    return {
      options: {
        ...base,
        scales: { x: indexScale(most), y: { range: [0, 10] as uPlot.Range.MinMax } },
        axes: [indexAxis(xs.map(String), 'Try'), yAxis('Highest anxiety 0–10', true)],
        series: [
          { label: 'Try' },
          ...tried.map((s, i) => ({ label: `Step ${s.number}`, ...stepStyle(i), points: { show: true, size: 7 } })),
        ],
      },
      data: [xs, ...tried.map((s) => xs.map((_, i) => s.attempts[i]?.peak ?? null))] as uPlot.AlignedData,
    };
  }, [tried]);
  return (
    <ChartFigure
      title={`Anxiety on each step of “${ladder.name}”`}
      summary={ladder.summary}
      chart={<UPlotChart {...chart} />}
      table={
        <DataTable
          head={['Step', 'Try', 'Date', 'Highest', 'At the end', 'Stayed until done?']}
          rows={tried.flatMap((s) =>
            s.attempts.map(
              (a, i) =>
                [
                  a.sessionId,
                  `${s.number}. ${s.text}`,
                  String(i + 1),
                  formatDate(a.completedOn),
                  String(a.peak),
                  String(a.end),
                  stayedText(a.stayed),
                ] as const,
            ),
          )}
        />
      }
    />
  );
}

/** Practices not on a ladder step: anxiety before, at its highest and at the end of each. */
function OtherPracticesChart({ points }: { points: readonly PracticePoint[] }) {
  const chart = useMemo(() => {
    const labels = points.map((p) => formatDateShort(p.completedOn));
    return {
      options: {
        ...base,
        scales: { x: indexScale(points.length), y: { range: [0, 10] as uPlot.Range.MinMax } },
        axes: [indexAxis(labels), yAxis('Anxiety 0–10', true)],
        series: [
          { label: 'When' },
          { label: 'Before', stroke: themeColour('--focus', '#2f6fed'), width: 2 },
          { label: 'Highest', stroke: themeColour('--text-muted', '#5c6370'), dash: [4, 4] },
          { label: 'At the end', stroke: themeColour('--accent', '#0b6e4f'), width: 2 },
        ],
      },
      data: [
        points.map((_, i) => i + 1),
        points.map((p) => p.before),
        points.map((p) => p.peak),
        points.map((p) => p.end),
      ] as uPlot.AlignedData,
    };
  }, [points]);
  const latest = points.at(-1)!;
  const count = points.length === 1 ? '1 practice' : `${points.length} practices`;
  return (
    <ChartFigure
      title="Practices outside a ladder"
      summary={`${count} so far. Most recent, ${formatDate(latest.completedOn)}, “${latest.task}”: anxiety ${latest.before} before, ${latest.peak} at its highest, ${latest.end} at the end.`}
      chart={<UPlotChart {...chart} />}
      table={
        <DataTable
          head={['Date', 'Practice', 'Before', 'Highest', 'At the end']}
          rows={points.map(
            (p) => [p.id, formatDate(p.completedOn), p.task, String(p.before), String(p.peak), String(p.end)] as const,
          )}
        />
      }
    />
  );
}

/** How strongly each prediction was believed before the step and after it. */
function BeliefChart({ beliefs }: { beliefs: BeliefChange }) {
  const { points } = beliefs;
  const chart = useMemo(() => {
    const labels = points.map((p) => formatDateShort(p.completedOn));
    return {
      options: {
        ...base,
        scales: { x: indexScale(points.length), y: { range: [0, 100] as uPlot.Range.MinMax } },
        axes: [indexAxis(labels), yAxis('Belief %')],
        series: [
          { label: 'When' },
          { label: 'Before', stroke: themeColour('--focus', '#2f6fed'), width: 2, points: { show: true, size: 7 } },
          { label: 'After', stroke: themeColour('--accent', '#0b6e4f'), width: 2, points: { show: true, size: 7 } },
        ],
      },
      data: [
        points.map((_, i) => i + 1),
        points.map((p) => p.before),
        points.map((p) => p.after ?? null),
      ] as uPlot.AlignedData,
    };
  }, [points]);
  return (
    <ChartFigure
      title="Belief in your predictions, before and after"
      summary={beliefs.summary}
      chart={points.length ? <UPlotChart {...chart} /> : null}
      table={
        <DataTable
          head={['Date', 'Practice', 'Prediction', 'Belief before', 'Came true?', 'Belief after']}
          rows={points.map(
            (p) =>
              [
                p.id,
                formatDate(p.completedOn),
                p.task,
                p.prediction,
                `${p.before}%`,
                p.happened ? 'Yes' : 'No',
                p.after === undefined ? 'Not asked' : `${p.after}%`,
              ] as const,
          )}
        />
      }
    />
  );
}

/**
 * Progress: each ladder's steps, practices outside a ladder, and belief in predictions before
 * and after. Nothing counts weeks, so a quiet week never shows as a gap to make up.
 */
export function ProgressPanel({ progress }: { progress: PracticeProgress }) {
  const ladders = progress.ladders.filter((l) => l.steps.some((s) => s.attempts.length > 0));
  return (
    <section className="progress" aria-labelledby="progress-title">
      <h2 id="progress-title">Progress</h2>
      <BeliefChart beliefs={progress.beliefs} />
      {ladders.map((ladder) => (
        <LadderChart key={ladder.ladderId} ladder={ladder} />
      ))}
      {progress.otherPractices.length ? <OtherPracticesChart points={progress.otherPractices} /> : null}
    </section>
  );
}

import { addDays } from 'date-fns/addDays';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import type { Calibration, GoalProgress, PracticeSession, SudsPoint, WeekCount } from './model.ts';

/**
 * Pure progress rules for practice. "Today" is always passed in.
 *
 * The weekly goal is deliberately not a streak: it only ever looks at the current week, never
 * counts missed weeks, and its messages never scold. People who find this hard drop out when an
 * app makes them feel behind.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The Monday (ISO week start) of the week containing `day`, as `YYYY-MM-DD`. */
export function weekStartOf(day: string): string {
  return dayOf(startOfISOWeek(parseISO(day)));
}

/**
 * Completions per week for the `weeks` weeks ending with today's, oldest first, zeros included
 * so a chart's gaps are honest. Days after today and unreadable dates are ignored.
 */
export function completionsPerWeek(completedOn: readonly string[], today: string, weeks = 8): WeekCount[] {
  if (weeks <= 0) return [];
  const current = startOfISOWeek(parseISO(today));
  const starts = Array.from({ length: weeks }, (_, i) => dayOf(addDays(current, -7 * (weeks - 1 - i))));
  const counts = new Map(starts.map((s) => [s, 0]));
  for (const day of completedOn) {
    if (day > today || !isValid(parseISO(day))) continue;
    const start = weekStartOf(day);
    const n = counts.get(start);
    if (n !== undefined) counts.set(start, n + 1);
  }
  return starts.map((weekStart) => ({ weekStart, count: counts.get(weekStart) ?? 0 }));
}

/** This week's progress towards a gentle goal, with a message that never mentions what was missed. */
export function weeklyGoalProgress(completedOn: readonly string[], today: string, goal: number): GoalProgress {
  const start = weekStartOf(today);
  const done = completedOn.filter((d) => d >= start && d <= today).length;
  const target = Math.max(0, Math.floor(goal));
  const remaining = Math.max(0, target - done);
  const met = target > 0 && done >= target;
  const practices = (n: number) => `${n} ${n === 1 ? 'practice' : 'practices'}`;
  let message: string;
  if (target === 0)
    message =
      done > 0
        ? `${practices(done)} this week. No goal set; go at your own pace.`
        : 'No goal set. Practise whenever it suits you.';
  else if (done === 0) message = `A fresh week. Your goal is ${practices(target)}; one small step counts.`;
  else if (met)
    message = `${practices(done)} this week: your goal of ${target} is reached. Anything more is a bonus, and resting is fine too.`;
  else message = `${done} of ${target} this week. ${remaining} more if it suits you.`;
  return { goal: target, done, remaining, met, message };
}

/** Likelihood bands for the calibration table; the last band includes 100. */
export const CALIBRATION_BANDS: readonly [number, number][] = [
  [0, 24],
  [25, 49],
  [50, 74],
  [75, 100],
];

/**
 * How predictions compared with what happened. Anxious predictions usually overestimate how
 * likely a bad outcome is; seeing "you predicted 70 % on average, it happened 1 time in 5" is
 * the point of recording predictions at all.
 */
export function predictionCalibration(sessions: readonly { likelihood: number; happened: boolean }[]): Calibration {
  const count = sessions.length;
  const buckets = CALIBRATION_BANDS.map(([from, to]) => {
    const inBand = sessions.filter((s) => s.likelihood >= from && s.likelihood <= to);
    return { from, to, count: inBand.length, happened: inBand.filter((s) => s.happened).length };
  });
  if (count === 0) {
    return {
      count,
      averagePredicted: null,
      happenedPercent: null,
      buckets,
      summary: 'No finished practices yet. After your first, this compares what you expected with what happened.',
    };
  }
  const averagePredicted = Math.round(sessions.reduce((sum, s) => sum + s.likelihood, 0) / count);
  const happened = sessions.filter((s) => s.happened).length;
  const happenedPercent = Math.round((happened / count) * 100);
  const times = count === 1 ? 'practice' : 'practices';
  const summary = `Across ${count} ${times}, you rated what you expected as ${averagePredicted}% likely on average. It happened ${happened} ${happened === 1 ? 'time' : 'times'} out of ${count} (${happenedPercent}%).`;
  return { count, averagePredicted, happenedPercent, buckets, summary };
}

/** Finished sessions as chart points, oldest first (by completion day, then creation time). */
export function sudsPoints(sessions: readonly PracticeSession[]): SudsPoint[] {
  return sessions
    .filter(
      (s): s is PracticeSession & { after: NonNullable<PracticeSession['after']>; completedOn: string } =>
        s.status === 'done' && !!s.after && !!s.completedOn,
    )
    .sort((a, b) =>
      a.completedOn < b.completedOn ? -1 : a.completedOn > b.completedOn ? 1 : a.createdAt < b.createdAt ? -1 : 1,
    )
    .map((s) => ({
      id: s.id,
      completedOn: s.completedOn,
      task: s.task,
      before: s.sudsBefore,
      peak: s.after.sudsPeak,
      after: s.after.sudsAfter,
      likelihood: s.likelihood,
      happened: s.after.predictionHappened,
    }));
}

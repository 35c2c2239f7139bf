import { parseISO, startOfISOWeek } from '../../date-fns.ts';
import { finishedSessions } from './finished-sessions.ts';
import type { Ladder, PracticeSession } from './model.ts';
import type { BeliefChange, BeliefPoint, GoalProgress, PracticePoint, PracticeProgress } from './progress-model.ts';
import { ladderProgress, onLadderStep } from './ladder-progress.ts';

/**
 * Pure progress rules for practice. "Today" is always passed in.
 *
 * The weekly goal is deliberately not a streak: it only ever looks at the current week, never
 * counts missed weeks, and its messages never scold. People who find this hard drop out when an
 * app makes them feel behind. For the same reason nothing charts practices per week.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The Monday (ISO week start) of the week containing `day`, as `YYYY-MM-DD`. */
export function weekStartOf(day: string): string {
  return dayOf(startOfISOWeek(parseISO(day)));
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

const mean = (values: readonly number[]) =>
  values.length ? Math.round(values.reduce((sum, v) => sum + v, 0) / values.length) : null;
const times = (n: number) => `${n} ${n === 1 ? 'time' : 'times'}`;
const practices = (n: number) => `${n} ${n === 1 ? 'practice' : 'practices'}`;

/**
 * How strongly each prediction was believed before and after the step. Anxious predictions are
 * usually believed far more than they turn out to deserve; seeing the belief drop after testing
 * it is the point of recording predictions at all.
 */
export function beliefChange(sessions: readonly PracticeSession[]): BeliefChange {
  const points: BeliefPoint[] = finishedSessions(sessions).map((s) => ({
    id: s.id,
    completedOn: s.completedOn,
    task: s.task,
    prediction: s.prediction,
    before: s.beliefBefore,
    ...(s.after.beliefAfter !== undefined ? { after: s.after.beliefAfter } : {}),
    happened: s.after.predictionHappened,
  }));
  const happened = points.filter((p) => p.happened).length;
  if (points.length === 0)
    return {
      points,
      averageBefore: null,
      averageAfter: null,
      happened,
      summary:
        'No finished practices yet. After your first, this shows how strongly you believed your prediction before and after.',
    };
  const rerated = points.filter((p) => p.after !== undefined);
  const came = `It came true ${times(happened)} out of ${points.length}.`;
  if (rerated.length === 0) {
    const averageBefore = mean(points.map((p) => p.before));
    return {
      points,
      averageBefore,
      averageAfter: null,
      happened,
      summary: `Across ${practices(points.length)}, you believed your prediction ${averageBefore}% on average beforehand. ${came}`,
    };
  }
  const averageBefore = mean(rerated.map((p) => p.before));
  const averageAfter = mean(rerated.map((p) => p.after!));
  const across =
    rerated.length === points.length
      ? `Across ${practices(points.length)}`
      : `Across the ${practices(rerated.length)} you re-rated`;
  return {
    points,
    averageBefore,
    averageAfter,
    happened,
    summary: `${across}, you believed your prediction ${averageBefore}% on average beforehand and ${averageAfter}% afterwards. ${came}`,
  };
}

/** Finished practices that are not on a step of a current ladder, oldest first. */
export function otherPractices(sessions: readonly PracticeSession[], ladders: readonly Ladder[]): PracticePoint[] {
  return finishedSessions(sessions)
    .filter((s) => !onLadderStep(s, ladders))
    .map((s) => ({
      id: s.id,
      completedOn: s.completedOn,
      task: s.task,
      before: s.sudsBefore,
      peak: s.after.sudsPeak,
      end: s.after.sudsEnd,
    }));
}

/** The whole progress view. */
export function practiceProgress(
  sessions: readonly PracticeSession[],
  ladders: readonly Ladder[],
  goal: number,
  today: string,
): PracticeProgress {
  const days = finishedSessions(sessions).map((s) => s.completedOn);
  return {
    today,
    goal: weeklyGoalProgress(days, today, goal),
    ladders: ladders.map((ladder) => ladderProgress(ladder, sessions)),
    otherPractices: otherPractices(sessions, ladders),
    beliefs: beliefChange(sessions),
  };
}

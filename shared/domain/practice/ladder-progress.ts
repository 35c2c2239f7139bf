import type { Ladder, PracticeSession } from './model.ts';
import { finishedSessions } from './finished-sessions.ts';
import type { LadderProgress, StepAdvice, StepAttempt } from './progress-model.ts';

/**
 * Graded exposure, one rung at a time: a step is repeated until it feels manageable before the
 * next one. "Manageable" is the highest anxiety of the latest try at 3 out of 10 or below, with
 * the user staying until the step was done. Advice is a suggestion, never a gate: any step can
 * be practised next.
 */
export const MANAGEABLE_SUDS = 3;

/** What to do next with a step, from its tries (oldest first). */
export function stepAdvice(attempts: readonly StepAttempt[]): StepAdvice {
  const last = attempts.at(-1);
  if (!last) return { kind: 'not-tried', message: 'Not tried yet.' };
  if (last.stayed === 'left-early')
    return {
      kind: 'repeat',
      message:
        'Last time you left before the end, which is useful to know. Try it again and stay a little longer, or step back a rung if it was too much.',
    };
  if (last.peak > MANAGEABLE_SUDS)
    return {
      kind: 'repeat',
      // The peak decides, whatever the end was: "it felt like a 3" at the end is not the question.
      message: `Repeat this step until even its highest point feels like a ${MANAGEABLE_SUDS} or below, then move up.`,
    };
  return {
    kind: 'manageable',
    message: `This felt like a ${MANAGEABLE_SUDS} or below last time. Move up a rung when you feel ready, or repeat it to be sure.`,
  };
}

/** Whether a session practised a step that is still on one of the ladders. */
export function onLadderStep(session: Pick<PracticeSession, 'ladderId' | 'stepId'>, ladders: readonly Ladder[]) {
  const ladder = session.ladderId ? ladders.find((l) => l.id === session.ladderId) : undefined;
  return !!ladder && ladder.steps.some((step) => step.id === session.stepId);
}

/** "1 try", "3 tries". */
export const tries = (n: number) => `${n} ${n === 1 ? 'try' : 'tries'}`;

/** Every step of a ladder with its tries and advice, plus a summary in words for the chart. */
export function ladderProgress(ladder: Ladder, sessions: readonly PracticeSession[]): LadderProgress {
  const finished = finishedSessions(sessions).filter((s) => s.ladderId === ladder.id);
  const steps = ladder.steps.map((step) => {
    const attempts: StepAttempt[] = finished
      .filter((s) => s.stepId === step.id)
      .map((s) => ({
        sessionId: s.id,
        completedOn: s.completedOn,
        peak: s.after.sudsPeak,
        end: s.after.sudsEnd,
        ...(s.after.stayed ? { stayed: s.after.stayed } : {}),
      }));
    return { stepId: step.id, text: step.text, expected: step.suds, attempts, advice: stepAdvice(attempts) };
  });
  const tried = steps.map((step, index) => ({ ...step, number: index + 1 })).filter((s) => s.attempts.length > 0);
  if (tried.length === 0)
    return {
      ladderId: ladder.id,
      name: ladder.name,
      steps,
      summary: 'No steps tried yet. Practise any step and its tries appear here.',
    };
  const parts = tried.map(({ number, text, attempts }) => {
    const first = attempts[0]!.peak;
    const last = attempts.at(-1)!.peak;
    const peak =
      attempts.length === 1
        ? `highest anxiety ${first}`
        : first === last
          ? `highest anxiety ${last}, as at the first try`
          : `highest anxiety from ${first} to ${last}`;
    return `Step ${number}, “${text}”: ${tries(attempts.length)}, ${peak}.`;
  });
  return {
    ladderId: ladder.id,
    name: ladder.name,
    steps,
    summary: `${tried.length} of ${steps.length} ${steps.length === 1 ? 'step' : 'steps'} tried. ${parts.join(' ')}`,
  };
}

import { z } from 'zod';
import { IsoDate } from '../contact.ts';
import { Belief, Stayed, Suds } from './model.ts';
import { lazyObject } from '../../lazy-schema.ts';

/**
 * The Progress view's shapes, computed in main where "today" is known. Nothing here counts
 * weeks without practice: progress is shown per ladder step and per prediction, so climbing to
 * a harder step never looks like getting worse.
 */

export const GoalProgress = lazyObject(() => ({
  goal: z.number().int(),
  done: z.number().int(),
  remaining: z.number().int(),
  met: z.boolean(),
  message: z.string(),
}));
export type GoalProgress = z.infer<typeof GoalProgress>;

/** One finished try at a ladder step. */
export const StepAttempt = lazyObject(() => ({
  sessionId: z.string(),
  completedOn: IsoDate,
  peak: Suds,
  end: Suds,
  /** Absent for practices finished before this was asked. */
  stayed: Stayed.optional(),
}));
export type StepAttempt = z.infer<typeof StepAttempt>;

/** `repeat`: do this step again; `manageable`: it felt like a 3 or below, so moving up is an option. */
export const StepAdvice = lazyObject(() => ({
  kind: z.enum(['not-tried', 'repeat', 'manageable']),
  message: z.string(),
}));
export type StepAdvice = z.infer<typeof StepAdvice>;

export const StepProgress = lazyObject(() => ({
  stepId: z.string(),
  text: z.string(),
  /** The anxiety the user expected when they built the ladder. */
  expected: Suds,
  /** Oldest first. */
  attempts: z.array(StepAttempt),
  advice: StepAdvice,
}));
export type StepProgress = z.infer<typeof StepProgress>;

export const LadderProgress = lazyObject(() => ({
  ladderId: z.string(),
  name: z.string(),
  /** Every step, in the ladder's order, tried or not. */
  steps: z.array(StepProgress),
  summary: z.string(),
}));
export type LadderProgress = z.infer<typeof LadderProgress>;

/** A finished practice that is not on a (current) ladder step. */
export const PracticePoint = lazyObject(() => ({
  id: z.string(),
  completedOn: IsoDate,
  task: z.string(),
  before: Suds,
  peak: Suds,
  end: Suds,
}));
export type PracticePoint = z.infer<typeof PracticePoint>;

/** A prediction: how strongly it was believed before and after, and whether it came true. */
export const BeliefPoint = lazyObject(() => ({
  id: z.string(),
  completedOn: IsoDate,
  task: z.string(),
  prediction: z.string(),
  before: Belief,
  /** Absent for practices finished before re-rating was asked. */
  after: Belief.optional(),
  happened: z.boolean(),
}));
export type BeliefPoint = z.infer<typeof BeliefPoint>;

export const BeliefChange = lazyObject(() => ({
  /** Oldest first. */
  points: z.array(BeliefPoint),
  /** Mean belief before, over the points that were re-rated (all points when none were), or null. */
  averageBefore: z.number().nullable(),
  /** Mean belief after, over the re-rated points, or null when none were. */
  averageAfter: z.number().nullable(),
  happened: z.number().int(),
  summary: z.string(),
}));
export type BeliefChange = z.infer<typeof BeliefChange>;

/** Everything the Practice screen's progress and ladder history draw. */
export const PracticeProgress = lazyObject(() => ({
  today: IsoDate,
  goal: GoalProgress,
  ladders: z.array(LadderProgress),
  otherPractices: z.array(PracticePoint),
  beliefs: BeliefChange,
}));
export type PracticeProgress = z.infer<typeof PracticeProgress>;

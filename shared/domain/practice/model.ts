import { z } from 'zod';
import { Channel, PracticeSituation, StarterSituation, Tone, placeholderProblem } from '../../content/schema.ts';
import { IsoDate, IsoInstant } from '../contact.ts';
import type { InteractionType } from '../interaction.ts';
import { SafetyBehaviourList } from './safety-behaviours.ts';
import { lazyExtend, lazyObject } from '../../lazy-schema.ts';

/**
 * The practice area's model: fear ladders, practice sessions (each one a small behavioural
 * experiment) and the user's own starters. The progress view is in progress-model.ts. Zod schemas here are the IPC contract's shapes and the services' validation.
 * Wording in messages stays plain and kind: these forms are filled in by people who are nervous.
 */

/** Subjective units of distress, 0 (calm) to 10 (the most anxious you can imagine). */
export const Suds = z
  .number({ error: 'Choose a number from 0 to 10' })
  .int('Use a whole number from 0 to 10')
  .min(0, 'Use 0 to 10')
  .max(10, 'Use 0 to 10');
/** How strongly the user believes their prediction will come true, in percent. */
export const Belief = z
  .number({ error: 'Choose a number from 0 to 100' })
  .int('Use a whole number from 0 to 100')
  .min(0, 'Use 0 to 100')
  .max(100, 'Use 0 to 100');

const StepText = z.string().trim().min(1, 'Describe the step').max(400, 'Keep a step under 400 characters');
const DocId = z.string().min(1).max(64);

export const LadderStep = lazyObject(() => ({
  id: DocId,
  text: StepText,
  /** The anxiety the user expects this step to bring, rated by them (never pre-filled). */
  suds: Suds,
  /** Set when the step came from the bundled prompt library. */
  promptId: z.string().max(80).optional(),
  situation: PracticeSituation.optional(),
}));
export type LadderStep = z.infer<typeof LadderStep>;

/** What the builder sends; new steps have no id yet. The array order is the ladder's order. */
export const LadderFields = lazyObject(() => ({
  name: z.string().trim().min(1, 'Give the ladder a name').max(120, 'Keep the name under 120 characters'),
  steps: z
    .array(LadderStep.extend({ id: DocId.optional() }))
    .min(1, 'Add at least one step')
    .max(20, 'A ladder has at most 20 steps'),
}));
export type LadderFields = z.infer<typeof LadderFields>;

export const Ladder = lazyExtend(LadderFields, () => ({
  id: DocId,
  steps: z.array(LadderStep),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
}));
export type Ladder = z.infer<typeof Ladder>;

/**
 * The plan, filled in before the step: what you will do, how anxious you are, a prediction that
 * can be checked afterwards, how strongly you believe it, and the safety behaviours you will drop.
 */
export const SessionBefore = lazyObject(() => ({
  date: IsoDate,
  task: StepText,
  situation: PracticeSituation,
  ladderId: DocId.optional(),
  stepId: DocId.optional(),
  promptId: z.string().max(80).optional(),
  sudsBefore: Suds,
  /** Something that can be answered yes or no afterwards ("They will walk away within a minute"). */
  prediction: z.string().trim().min(1, 'Write what you predict will happen').max(1000),
  beliefBefore: Belief,
  /** Chosen beforehand: doing without them is part of the experiment. */
  safetyBehavioursToDrop: SafetyBehaviourList.default([]),
}));
export type SessionBefore = z.infer<typeof SessionBefore>;

/** Whether the user stayed until the step was done. Leaving early is information, not a failure. */
export const Stayed = z.enum(['until-done', 'left-early'], { error: 'Choose whether you stayed or left early' });
export type Stayed = z.infer<typeof Stayed>;

const afterFields = {
  sudsPeak: Suds,
  /** Anxiety at the end of the step, not when the form is filled in. */
  sudsEnd: Suds,
  stayed: Stayed,
  outcome: z.string().trim().min(1, 'Write what actually happened').max(2000),
  /** Whether the predicted (and feared) outcome happened. */
  predictionHappened: z.boolean({ error: 'Choose yes or no' }),
  /** If it did happen, how the user coped with it; empty otherwise. */
  coping: z.string().trim().max(2000).default(''),
  /** The belief in the prediction, re-rated afterwards. */
  beliefAfter: Belief,
  learned: z.string().trim().max(2000).default(''),
  /** Of the behaviours planned to be dropped (or others), the ones the user managed without. */
  droppedSafetyBehaviours: SafetyBehaviourList.default([]),
  contactId: z.string().min(1).max(64).optional(),
};

/**
 * Filled in afterwards. `contactId` links a real person and logs an interaction with them. How
 * the user coped is kept only when the prediction came true (a form may send what was typed
 * before the answer changed to no).
 */
export const SessionAfter = z
  .object(afterFields)
  .superRefine((after, ctx) => {
    if (after.sudsEnd > after.sudsPeak)
      ctx.addIssue({
        code: 'custom',
        path: ['sudsEnd'],
        message: 'The end can’t be higher than the highest point; check both numbers',
      });
  })
  .transform((after) => (after.predictionHappened ? after : { ...after, coping: '' }));
export type SessionAfter = z.infer<typeof SessionAfter>;

/**
 * The afterwards half as stored. Sessions finished before practice became an experiment (schema
 * version 0) have no belief re-rating and no stayed-or-left answer; nothing is made up for them.
 */
export const StoredAfter = lazyObject(() => ({
  ...afterFields,
  stayed: Stayed.optional(),
  beliefAfter: Belief.optional(),
}));
export type StoredAfter = z.infer<typeof StoredAfter>;

export const PracticeSession = lazyExtend(SessionBefore, () => ({
  id: DocId,
  status: z.enum(['planned', 'done']),
  after: StoredAfter.optional(),
  /** The day the "afterwards" part was saved; completions and charts count by it. */
  completedOn: IsoDate.optional(),
  interactionId: z.string().min(1).max(64).optional(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
}));
export type PracticeSession = z.infer<typeof PracticeSession>;

/** The interaction type a practice situation logs as, when the user links a real person. */
export const INTERACTION_TYPE_FOR: Readonly<Record<PracticeSituation, InteractionType>> = {
  'corridor-small-talk': 'other',
  phone: 'call',
  email: 'email',
  'meet-up': 'meet-up',
  conference: 'conference',
  'social-media': 'social',
  'short-course': 'course',
};

/** A gentle goal: 0 means "no goal", and more than a few a week is not the point. */
export const WeeklyGoal = z.number().int().min(0).max(7);
export const DEFAULT_WEEKLY_GOAL = 2;

const StarterText = z
  .string()
  .trim()
  .min(3, 'Write a few words')
  .max(400, 'Keep it under 400 characters')
  .superRefine((text, ctx) => {
    const problem = placeholderProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A starter the user wrote; it may use the same placeholders as the library. */
export const OwnStarterFields = lazyObject(() => ({
  text: StarterText,
  situation: StarterSituation,
  channel: Channel.default('any'),
  tone: Tone.default('warm'),
}));
export type OwnStarterFields = z.infer<typeof OwnStarterFields>;

export const OwnStarter = lazyExtend(OwnStarterFields, () => ({
  id: z
    .string()
    .regex(/^own-[a-z0-9-]+$/)
    .max(80),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
}));
export type OwnStarter = z.infer<typeof OwnStarter>;

import { z } from 'zod';
import { Channel, PracticeSituation, StarterSituation, Tone, placeholderProblem } from '../../content/schema.ts';
import { IsoDate, IsoInstant } from '../contact.ts';
import type { InteractionType } from '../interaction.ts';

/**
 * The practice area's model: fear ladders, practice sessions, the user's own starters and the
 * progress view. Zod schemas here are the IPC contract's shapes and the services' validation.
 * Wording in messages stays plain and kind: these forms are filled in by people who are nervous.
 */

/** Subjective units of distress, 0 (calm) to 10 (the most anxious you can imagine). */
export const Suds = z
  .number({ error: 'Choose a number from 0 to 10' })
  .int()
  .min(0, 'Use 0 to 10')
  .max(10, 'Use 0 to 10');
/** How likely the feared outcome feels, in percent. */
export const Likelihood = z
  .number({ error: 'Choose a number from 0 to 100' })
  .int()
  .min(0, 'Use 0 to 100')
  .max(100, 'Use 0 to 100');

const StepText = z.string().trim().min(1, 'Describe the step').max(400, 'Keep a step under 400 characters');
const DocId = z.string().min(1).max(64);

export const LadderStep = z.object({
  id: DocId,
  text: StepText,
  /** The anxiety the user expects this step to bring. */
  suds: Suds,
  /** Set when the step came from the bundled prompt library. */
  promptId: z.string().max(80).optional(),
  situation: PracticeSituation.optional(),
});
export type LadderStep = z.infer<typeof LadderStep>;

/** What the builder sends; new steps have no id yet. The array order is the ladder's order. */
export const LadderFields = z.object({
  name: z.string().trim().min(1, 'Give the ladder a name').max(120, 'Keep the name under 120 characters'),
  steps: z
    .array(LadderStep.extend({ id: DocId.optional() }))
    .min(1, 'Add at least one step')
    .max(20, 'A ladder has at most 20 steps'),
});
export type LadderFields = z.infer<typeof LadderFields>;

export const Ladder = LadderFields.extend({
  id: DocId,
  steps: z.array(LadderStep),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type Ladder = z.infer<typeof Ladder>;

/** Filled in before a practice: what you will do, how anxious you are, and what you predict. */
export const SessionBefore = z.object({
  date: IsoDate,
  task: StepText,
  situation: PracticeSituation,
  ladderId: DocId.optional(),
  stepId: DocId.optional(),
  promptId: z.string().max(80).optional(),
  sudsBefore: Suds,
  prediction: z.string().trim().min(1, 'Write what you expect to happen').max(1000),
  /** How likely the predicted outcome feels, 0–100 %. */
  likelihood: Likelihood,
});
export type SessionBefore = z.infer<typeof SessionBefore>;

/** Filled in afterwards. `contactId` links a real person and logs an interaction with them. */
export const SessionAfter = z.object({
  sudsPeak: Suds,
  sudsAfter: Suds,
  outcome: z.string().trim().min(1, 'Write what actually happened').max(2000),
  /** Whether the outcome you predicted (and feared) actually happened. */
  predictionHappened: z.boolean(),
  learned: z.string().trim().max(2000).default(''),
  droppedSafetyBehaviours: z.array(z.string().trim().min(1).max(120)).max(12).default([]),
  contactId: z.string().min(1).max(64).optional(),
});
export type SessionAfter = z.infer<typeof SessionAfter>;

export const PracticeSession = SessionBefore.extend({
  id: DocId,
  status: z.enum(['planned', 'done']),
  after: SessionAfter.optional(),
  /** The day the "afterwards" part was saved; completions and charts count by it. */
  completedOn: IsoDate.optional(),
  interactionId: z.string().min(1).max(64).optional(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type PracticeSession = z.infer<typeof PracticeSession>;

/** The kinds of "safety behaviour" offered as checkboxes; the user can add their own. */
export const COMMON_SAFETY_BEHAVIOURS: readonly string[] = [
  'Rehearsing every word in advance',
  'Looking at my phone',
  'Staying near the exit',
  'Bringing someone along',
  'Keeping it as short as possible',
  'Avoiding eye contact',
];

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
export const OwnStarterFields = z.object({
  text: StarterText,
  situation: StarterSituation,
  channel: Channel.default('any'),
  tone: Tone.default('warm'),
});
export type OwnStarterFields = z.infer<typeof OwnStarterFields>;

export const OwnStarter = OwnStarterFields.extend({
  id: z
    .string()
    .regex(/^own-[a-z0-9-]+$/)
    .max(80),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type OwnStarter = z.infer<typeof OwnStarter>;

export const WeekCount = z.object({ weekStart: IsoDate, count: z.number().int() });
export type WeekCount = z.infer<typeof WeekCount>;

export const GoalProgress = z.object({
  goal: z.number().int(),
  done: z.number().int(),
  remaining: z.number().int(),
  met: z.boolean(),
  message: z.string(),
});
export type GoalProgress = z.infer<typeof GoalProgress>;

export const CalibrationBucket = z.object({
  from: z.number(),
  to: z.number(),
  count: z.number().int(),
  happened: z.number().int(),
});
export const Calibration = z.object({
  count: z.number().int(),
  /** Mean predicted likelihood, 0–100, or null before any completed session. */
  averagePredicted: z.number().nullable(),
  /** Share of sessions where the predicted outcome happened, 0–100, or null. */
  happenedPercent: z.number().nullable(),
  buckets: z.array(CalibrationBucket),
  summary: z.string(),
});
export type Calibration = z.infer<typeof Calibration>;

export const SudsPoint = z.object({
  id: z.string(),
  completedOn: IsoDate,
  task: z.string(),
  before: Suds,
  peak: Suds,
  after: Suds,
  likelihood: Likelihood,
  happened: z.boolean(),
});
export type SudsPoint = z.infer<typeof SudsPoint>;

/** Everything the Progress panel draws, computed in main where "today" is known. */
export const PracticeProgress = z.object({
  today: IsoDate,
  goal: GoalProgress,
  weeks: z.array(WeekCount),
  points: z.array(SudsPoint),
  calibration: Calibration,
});
export type PracticeProgress = z.infer<typeof PracticeProgress>;

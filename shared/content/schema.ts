import { z } from 'zod';
import { placeholderProblem } from './placeholders.ts';
import { lazyExtend, lazyObject } from '../lazy-schema.ts';

export { PLACEHOLDERS, placeholderProblem, type Placeholder } from './placeholders.ts';

/**
 * Schemas for Rapport's bundled writing: conversation starters and practice prompts.
 * The JSON files beside this module are parsed with these at load time, so a typo in
 * content fails loudly in tests instead of showing a broken sentence to someone who
 * is already nervous about sending it.
 */

/** Append new situations at the end: stored own starters and favourites refer to these names. */
export const StarterSituation = z.enum([
  'event-small-talk',
  'follow-up-48h',
  'reconnect',
  'ask-advice',
  'offer-help',
  'congratulate',
  'graceful-exit',
  /** LinkedIn notes, emails to people you don't know yet, comments on social posts. */
  'online',
  /** A plain hello to someone you spoke to between two weeks and six months ago. */
  'check-in',
  /** Following up after an event when the first two days have gone by. */
  'late-follow-up',
  /** "I'm going to [event], will you be there?" */
  'see-you-there',
  /** Telling people your own news, above all a change of job. */
  'share-news',
  /** Turning an online contact into a coffee or a walk. */
  'meet-in-person',
  /** People on the same course or class. */
  'classmates',
  /** Big events for people who prefer quiet: arriving early, helping out, a quiet corner. */
  'quiet-networking',
]);
export type StarterSituation = z.infer<typeof StarterSituation>;

/** Kept small on purpose: a tone is a filter people pick at a glance, not a taxonomy. */
export const Tone = z.enum(['warm', 'light', 'professional', 'direct']);
export type Tone = z.infer<typeof Tone>;

export const Channel = z.enum(['in-person', 'email', 'message', 'linkedin', 'social', 'phone', 'any']);
export type Channel = z.infer<typeof Channel>;

/**
 * `suggestible`: true for anyone who sends it, so it may be suggested automatically.
 * `example`: states something about the sender that is true for some people only ("I've got a
 * spare ticket", "I've started a new job"). The library shows it as an example to adapt; it is
 * never suggested automatically.
 */
export const StarterKind = z.enum(['suggestible', 'example']);
export type StarterKind = z.infer<typeof StarterKind>;

/** Who a line is for: someone you haven't met, someone you have, or either. */
export const Relationship = z.enum(['stranger', 'known', 'any']);
export type Relationship = z.infer<typeof Relationship>;

/** What the line does for the give-and-take balance: asks a favour, offers one, or simply connects. */
export const Intent = z.enum(['ask', 'give', 'connect']);
export type Intent = z.infer<typeof Intent>;

const KebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Ids are lower-case kebab-case, like reconnect-long-time-no-speak')
  .max(80);

const ContentText = z
  .string()
  .trim()
  .min(10, 'Text is too short to be useful')
  .max(400, 'Keep text under 400 characters: these are openers, not letters')
  .superRefine((text, ctx) => {
    const problem = placeholderProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const Tags = z
  .array(z.string().regex(/^[a-z0-9-]+$/, 'Tags are lower-case kebab-case'))
  .max(8)
  .optional();

/**
 * Any starter personalisation can use: a library line, or one of the user's own (which has no
 * kind, relationship or intent; see `factsOf` in shared/domain/starters/starter-facts.ts).
 */
export const Starter = lazyObject(() => ({
  id: KebabId,
  situation: StarterSituation,
  tone: Tone,
  channel: Channel,
  text: ContentText,
  tags: Tags,
  kind: StarterKind.optional(),
  relationship: Relationship.optional(),
  intent: Intent.optional(),
}));
export type Starter = z.infer<typeof Starter>;

/** A line of the bundled library (starters.v2.json): every field is stated. */
export const LibraryStarter = lazyExtend(Starter, () => ({
  kind: StarterKind,
  relationship: Relationship,
  intent: Intent,
}));
export type LibraryStarter = z.infer<typeof LibraryStarter>;

export const PracticeSituation = z.enum([
  'corridor-small-talk',
  'phone',
  'email',
  'meet-up',
  'conference',
  'social-media',
  'short-course',
]);
export type PracticeSituation = z.infer<typeof PracticeSituation>;

export const PracticePrompt = lazyObject(() => ({
  id: KebabId,
  situation: PracticeSituation,
  /** 1 is "say good morning to someone", 10 is "host a table at a meet-up". */
  difficulty: z.number().int().min(1).max(10),
  text: ContentText,
  /** Time to do it in one sitting; prompts are single actions, never multi-day plans. */
  minutes: z.number().int().min(1).max(90),
  tags: Tags,
}));
export type PracticePrompt = z.infer<typeof PracticePrompt>;

/** Every content file is `{ version, items }` so a later format can be told apart by its number. */
export function contentFile<T extends z.ZodType, V extends number>(item: T, version: V) {
  return z.object({ version: z.literal(version), items: z.array(item).min(1) });
}

/**
 * Version 2 added `kind`, `relationship` and `intent`, and square-bracket placeholders.
 * `retired` maps ids that shipped before and were merged away to the line that replaced them
 * (or null), so a favourite of a retired line can follow it.
 */
export const StarterFile = contentFile(LibraryStarter, 2).extend({
  retired: z.record(KebabId, KebabId.nullable()).default({}),
});
export const PracticePromptFile = contentFile(PracticePrompt, 1);

import { z } from 'zod';

/**
 * Schemas for Rapport's bundled writing: conversation starters and practice prompts.
 * The JSON files beside this module are parsed with these at load time, so a typo in
 * content fails loudly in tests instead of showing a broken sentence to someone who
 * is already nervous about sending it.
 */

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
]);
export type StarterSituation = z.infer<typeof StarterSituation>;

/** Kept small on purpose: a tone is a filter people pick at a glance, not a taxonomy. */
export const Tone = z.enum(['warm', 'light', 'professional', 'direct']);
export type Tone = z.infer<typeof Tone>;

export const Channel = z.enum(['in-person', 'email', 'message', 'linkedin', 'social', 'phone', 'any']);
export type Channel = z.infer<typeof Channel>;

/** The only placeholders a text may contain; personalisation knows how to fill exactly these. */
export const PLACEHOLDERS = ['firstName', 'detail', 'event', 'timeSince'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const KebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Ids are lower-case kebab-case, like reconnect-long-time-no-speak')
  .max(80);

/** Why a text's braces are wrong, or undefined when every `{…}` is a known, balanced placeholder. */
export function placeholderProblem(text: string): string | undefined {
  // Strip the allowed placeholders first; any brace left over is either unbalanced or unknown.
  const rest = text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? '' : `\uE000${name}\uE000`,
  );
  const unknown = rest.match(/\uE000(\w+)\uE000/);
  if (unknown) return `Unknown placeholder {${unknown[1]}}; use only ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`;
  if (/[{}]/.test(rest)) return 'Unbalanced or empty braces';
  return undefined;
}

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

export const Starter = z.object({
  id: KebabId,
  situation: StarterSituation,
  tone: Tone,
  channel: Channel,
  text: ContentText,
  tags: Tags,
});
export type Starter = z.infer<typeof Starter>;

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

export const PracticePrompt = z.object({
  id: KebabId,
  situation: PracticeSituation,
  /** 1 is "say good morning to someone", 10 is "host a table at a meet-up". */
  difficulty: z.number().int().min(1).max(10),
  text: ContentText,
  /** Time to do it in one sitting; prompts are single actions, never multi-day plans. */
  minutes: z.number().int().min(1).max(90),
  tags: Tags,
});
export type PracticePrompt = z.infer<typeof PracticePrompt>;

/** Every content file is `{ version, items }` so a later format can be told apart by its number. */
export function contentFile<T extends z.ZodType>(item: T) {
  return z.object({ version: z.literal(1), items: z.array(item).min(1) });
}

export const StarterFile = contentFile(Starter);
export const PracticePromptFile = contentFile(PracticePrompt);

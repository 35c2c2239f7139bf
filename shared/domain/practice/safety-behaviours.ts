import { z } from 'zod';

/**
 * Safety behaviours: things people do to feel safer in a feared situation that also keep the
 * worry going ("it only went well because I stayed by the door"). A practice tests a prediction
 * best when they are dropped, so the plan names the ones to do without, chosen beforehand.
 */

/** The common ones at networking events and in calls, offered as checkboxes. */
export const COMMON_SAFETY_BEHAVIOURS: readonly string[] = [
  'Rehearsing every word in advance',
  'Sticking with colleagues or people I already know',
  'Having a drink for courage',
  'Hiding behind a role (helping out, taking photos, running a stand)',
  'Staying on my phone',
  'Staying near the exit or at the edge of the room',
  'Bringing someone along',
  'Keeping it as short as possible',
  'Asking questions so I never talk about myself',
  'Holding a drink or a plate to keep my hands busy',
  'Avoiding eye contact',
  'Arriving late or leaving early',
];

/** At most this many in one plan: more than a handful at once is not one step any more. */
export const MAX_SAFETY_BEHAVIOURS = 20;

const key = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');

/** A plan's or an outcome's list; the same behaviour written twice (any case or spacing) counts once. */
export const SafetyBehaviourList = z
  .array(z.string().trim().min(1, 'Describe the behaviour').max(120, 'Keep it under 120 characters'))
  .max(MAX_SAFETY_BEHAVIOURS, `Choose at most ${MAX_SAFETY_BEHAVIOURS}`)
  .transform((list) => list.filter((text, i) => list.findIndex((other) => key(other) === key(text)) === i));

/**
 * The user's own safety behaviours: those named in earlier plans that are not on the common list,
 * most recently used first, so the next plan offers them as checkboxes too.
 */
export function ownSafetyBehaviours(
  sessions: readonly { createdAt: string; safetyBehavioursToDrop: readonly string[] }[],
): string[] {
  const common = new Set(COMMON_SAFETY_BEHAVIOURS.map(key));
  const seen = new Set<string>();
  const own: string[] = [];
  const newestFirst = [...sessions].sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0,
  );
  for (const session of newestFirst) {
    for (const text of session.safetyBehavioursToDrop) {
      const k = key(text);
      if (!k || common.has(k) || seen.has(k)) continue;
      seen.add(k);
      own.push(text.trim().replace(/\s+/g, ' '));
    }
  }
  return own;
}

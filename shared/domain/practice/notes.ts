import type { SessionAfter, SessionBefore } from './model.ts';

/** Interaction notes are capped well below the interaction limit; a practice log is a summary. */
const MAX_NOTES = 2000;

/**
 * The notes of the interaction logged when a practice involved a real person.
 *
 * Why no anxiety ratings or predictions: the timeline is about the other person and may be
 * shown, searched or exported with them; how anxious the user felt stays in the practice log.
 */
export function practiceInteractionNotes(
  before: Pick<SessionBefore, 'task'>,
  after: Pick<SessionAfter, 'outcome' | 'learned'>,
): string {
  const parts = [`Practice: ${before.task.trim()}`, `What happened: ${after.outcome.trim()}`];
  if (after.learned.trim()) parts.push(`What I learned: ${after.learned.trim()}`);
  const notes = parts.join('\n');
  return notes.length > MAX_NOTES ? `${notes.slice(0, MAX_NOTES - 1)}…` : notes;
}

import type { Redrafted } from './announcement-drafts.ts';

const list = (names: string[]) => new Intl.ListFormat('en', { type: 'conjunction' }).format(names);

/** What the note under the drafts' heading says after drafting again; empty when nothing was kept. */
export function redraftNote(redrafted: Redrafted | null): string {
  const { keptEdits = [], noLongerMatching = [] } = redrafted ?? {};
  const kept = keptEdits.length
    ? `Kept your changes to the ${keptEdits.length === 1 ? 'message' : 'messages'} to ${list(keptEdits)}.`
    : '';
  const gone = noLongerMatching.length
    ? `${list(noLongerMatching)} no longer ${noLongerMatching.length === 1 ? 'matches' : 'match'} who to: ` +
      'kept for what you wrote or sent.'
    : '';
  return [kept, gone].filter(Boolean).join(' ');
}

/**
 * After drafting again: which messages were left as the user had them, and why they still show.
 * It describes the drafts' heading (`id`), which takes focus once they are drafted, so a screen
 * reader says it with the heading.
 */
export function RedraftNote({ id, redrafted }: { id: string; redrafted: Redrafted | null }) {
  const note = redraftNote(redrafted);
  return note ? (
    <p id={id} className="muted">
      {note}
    </p>
  ) : null;
}

import type { Redrafted } from './announcement-drafts.ts';

/** After drafting again: which messages were left as the user had them, and why they still show. */
export function RedraftNote({ redrafted }: { redrafted: Redrafted | null }) {
  const list = (names: string[]) => new Intl.ListFormat('en', { type: 'conjunction' }).format(names);
  const { keptEdits = [], noLongerMatching = [] } = redrafted ?? {};
  return (
    <p role="status" className="muted">
      {keptEdits.length ? `Kept your changes to the messages to ${list(keptEdits)}. ` : null}
      {noLongerMatching.length
        ? `${list(noLongerMatching)} no longer ${noLongerMatching.length === 1 ? 'matches' : 'match'} who to; ` +
          `kept for what you wrote or sent.`
        : null}
    </p>
  );
}

import type { ContactFields } from '../../../shared/domain/contact.ts';
import type { ImportAction, PreviewCard } from '../../../shared/ipc/channels/interchange.ts';
import { FIELD_LABELS } from '../people/merge-values.tsx';

const STATUS_TEXT = { new: 'New', match: 'Matches', conflict: 'Conflict' } as const;
const ACTION_TEXT: Record<ImportAction, string> = { create: 'Create', merge: 'Merge', skip: 'Skip' };

/** "organisation, name": the fields as the merge screen names them. */
export const fieldNames = (fields: readonly string[]): string =>
  fields.map((f) => FIELD_LABELS[f as keyof ContactFields]?.toLowerCase() ?? f).join(', ');

const who = (person: { displayName: string; reasons: readonly string[] }) =>
  `${person.displayName} (same ${person.reasons.join(', ')})`;

/** The status column's first words: how the card compares with the people here, or which line it repeats. */
export function statusText(card: PreviewCard): string {
  return card.status === 'duplicate' ? `Same person as line ${card.sameAs![0]!.line}` : STATUS_TEXT[card.status];
}

/** Who the card matches: people here, or for a duplicate the earlier card of the file. */
export function matchesText(card: PreviewCard): string {
  if (card.status === 'duplicate') return who(card.sameAs![0]!);
  return card.matches.map(who).join('; ');
}

/**
 * For a card kept apart from earlier cards of the file that look like the same person (several
 * of them, or one whose single values differ): which, and why it was not merged.
 */
export function keptApartText(card: PreviewCard): string {
  if (card.status === 'duplicate' || !card.sameAs?.length) return '';
  const like = card.sameAs
    .map((r) => `line ${r.line}, ${who(r)}${r.differs.length ? `, which differs in ${fieldNames(r.differs)}` : ''}`)
    .join('; ');
  return `Looks like the same person as ${like}: kept apart.`;
}

/** The actions a card offers, in order, with their words (a duplicate merges with the line it repeats). */
export function actionChoices(card: PreviewCard): { action: ImportAction; text: string }[] {
  if (card.status === 'duplicate')
    return [
      { action: 'merge', text: `Go with line ${card.sameAs![0]!.line}` },
      { action: 'create', text: 'Create separately' },
      { action: 'skip', text: ACTION_TEXT.skip },
    ];
  const actions: ImportAction[] = card.matches.length ? ['merge', 'create', 'skip'] : ['create', 'skip'];
  return actions.map((action) => ({ action, text: ACTION_TEXT[action] }));
}

import { forgetDraftsAbout } from '../../ui/drafts/draft-store.ts';
import { forgetLogDraftsAbout } from '../log/log-draft.ts';

/**
 * Deleted people, and people merged into another, leave nothing typed about them in localStorage:
 * the drafts of their edit, a detail and what they look for, and log drafts that name them (notes,
 * sensitive details). A pick in a draft of the user's own follows a merge (`mergedInto`).
 */
export function forgetTypedAbout(contactIds: readonly string[], mergedInto?: string): void {
  forgetDraftsAbout(contactIds, mergedInto);
  forgetLogDraftsAbout(contactIds);
}

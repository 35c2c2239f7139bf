import { forgetDraftsAbout } from '../../ui/drafts/draft-store.ts';
import { forgetLogDraftsAbout } from '../log/log-draft.ts';
import { forgetAnnouncementDraftsAbout } from '../network/announcement-drafts.ts';

/**
 * Deleted people, and people merged into another, leave nothing typed about them in localStorage:
 * the drafts of their edit, a detail and what they look for, log drafts that name them (notes,
 * sensitive details), and announcement messages to them. A pick in a draft of the user's own (an
 * announcement's chosen people) follows a merge (`mergedInto`).
 */
export function forgetTypedAbout(contactIds: readonly string[], mergedInto?: string): void {
  forgetDraftsAbout(contactIds, mergedInto);
  forgetLogDraftsAbout(contactIds);
  forgetAnnouncementDraftsAbout(contactIds, mergedInto);
}

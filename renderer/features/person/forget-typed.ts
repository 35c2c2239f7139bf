import { rapport } from '../../api/rapport.ts';
import type { Request } from '../../api/request.ts';
import { forgetDraftsAbout, formDrafts } from '../../ui/drafts/draft-store.ts';
import type { Undo } from '../../ui/Toast.tsx';
import { forgetLogDraftsAbout } from '../log/log-draft.ts';
import { forgetAnnouncementDraftsAbout } from '../network/announcement-drafts.ts';

/**
 * Deleted people, and people merged into another, leave nothing typed about them in localStorage:
 * the drafts of their edit, a detail and what they look for, log drafts that name them (notes,
 * sensitive details), and announcement messages to them. A pick in a draft of the user's own (an
 * announcement's chosen people) follows a merge (`mergedInto`). Returns what brings it all back
 * when the delete is undone (anything typed again since stays).
 */
export function forgetTypedAbout(contactIds: readonly string[], mergedInto?: string): () => void {
  const revisions = [
    forgetDraftsAbout(contactIds, mergedInto),
    ...forgetAnnouncementDraftsAbout(contactIds, mergedInto),
  ];
  const bringBackLogs = forgetLogDraftsAbout(contactIds);
  // Undone the other way round: the announcement forms were revised after their messages.
  return () => {
    for (const revision of [...revisions].reverse()) formDrafts.takeBack(revision);
    bringBackLogs();
  };
}

/**
 * Deletes people (the person page, the People list's bulk bar), then forgets what was typed about
 * them; the toast's Undo brings back both: the core restores the people, then the drafts return.
 * `label` names them in the toast ("Sam Okafor", "3 people"); `after` runs once they are gone.
 */
export function deletePeople(request: Request, ids: readonly string[], label: string, after: () => void): void {
  let bringBack = () => {};
  void request(() => rapport().contacts.delete({ ids: [...ids] }), {
    action: `delete ${label}`,
    success: ({ undoToken }) => ({ title: `Deleted ${label}`, undo: undoDelete(undoToken, () => bringBack()) }),
  }).then((r) => {
    if (!r.ok) return;
    bringBack = forgetTypedAbout(ids);
    after();
  });
}

/** The Undo of deleting people: the core brings them back, then what was typed about them comes back too. */
const undoDelete = (token: string, bringBack: () => void): Undo => ({
  run: async () => {
    const result = await rapport().undo.apply({ token });
    if (result.ok) bringBack();
    return result;
  },
});

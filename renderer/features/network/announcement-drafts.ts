import { z } from 'zod';
import { AnnouncementDraftView } from '../../../shared/ipc/channels/network.ts';
import { formDrafts, type Revision } from '../../ui/drafts/draft-store.ts';
import { AnnouncementForm } from './announcement-form.ts';

/** The composer's slots, per way it was opened (`opening`: the announcement it started from). */
export const announcementSlot = (opening: string) => `announcement:${opening}`;
export const messagesSlot = (opening: string) => `announcement-messages:${opening}`;

/** The messages drafted and what the user made of them: edited, and who they were marked sent to. */
export const Messages = z.object({
  drafts: z.array(AnnouncementDraftView).nullable(),
  sent: z.array(z.string()),
  /** People whose message the user changed. Absent in drafts kept before it was recorded: read as all. */
  edited: z.array(z.string()).optional(),
});
export type Messages = z.infer<typeof Messages>;
export const NO_MESSAGES: Messages = { drafts: null, sent: [], edited: [] };

export const editedIn = (m: Messages) => new Set(m.edited ?? m.drafts?.map((d) => d.person.id) ?? []);

/** The user's text for one message: from then on, drafting again leaves it as it is. */
export function editMessage(m: Messages, personId: string, body: string): Messages {
  return {
    ...m,
    drafts: m.drafts?.map((d) => (d.person.id === personId ? { ...d, body } : d)) ?? null,
    edited: [...new Set([...editedIn(m), personId])],
  };
}

/** What drafting again made of the messages, and what to tell the user about the ones it kept. */
export interface Redrafted {
  messages: Messages;
  /** Names of the edited messages kept as they were, in the order shown. */
  keptEdits: string[];
  /** Of those, and of messages marked sent, the names no longer among who the news is for. */
  noLongerMatching: string[];
}

/**
 * "Draft messages" pressed again (another tag, a new signature): the messages the user has not
 * touched become the new drafts, and people no longer matching lose theirs. A message the user
 * edited, or marked sent, is theirs: it stays as it is, also for someone who no longer matches
 * (only Remove, deleting the person, Start over or sending every message take it away).
 */
export function redraft(kept: Messages, fresh: readonly AnnouncementDraftView[]): Redrafted {
  const edited = editedIn(kept);
  const sent = new Set(kept.sent);
  const touched = (id: string) => edited.has(id) || sent.has(id);
  const before = new Map((kept.drafts ?? []).map((d) => [d.person.id, d]));
  const freshIds = new Set(fresh.map((d) => d.person.id));
  const drafts = [
    ...fresh.map((d) => {
      const old = before.get(d.person.id);
      // Their text, subject and opening as they were; the person as they are now (a new address).
      return old && touched(d.person.id) ? { ...old, person: d.person } : d;
    }),
    ...[...before.values()].filter((d) => !freshIds.has(d.person.id) && touched(d.person.id)),
  ];
  const ids = new Set(drafts.map((d) => d.person.id));
  const name = (d: AnnouncementDraftView) => d.person.displayName;
  return {
    messages: {
      drafts,
      sent: kept.sent.filter((id) => ids.has(id)),
      edited: [...edited].filter((id) => ids.has(id)),
    },
    keptEdits: drafts.filter((d) => edited.has(d.person.id) && !sent.has(d.person.id)).map(name),
    noLongerMatching: drafts.filter((d) => !freshIds.has(d.person.id)).map(name),
  };
}

/** The messages without those to these people (a recipient removed, a person deleted). */
export function withoutRecipients(m: Messages, contactIds: readonly string[]): Messages {
  const gone = new Set(contactIds);
  return {
    drafts: m.drafts?.filter((d) => !gone.has(d.person.id)) ?? null,
    sent: m.sent.filter((id) => !gone.has(id)),
    edited: [...editedIn(m)].filter((id) => !gone.has(id)),
  };
}

/**
 * After a merge: an unsent message the user wrote to the person merged away goes to the person
 * kept (the same human). When the user wrote one to them too, or already sent them one, neither
 * text is dropped: the one to the person merged away follows theirs, under a line that says whose
 * it was, for the user to choose from; a message marked sent stays marked sent, so the same
 * human is not offered the news twice. Their name and address follow at the next "Draft messages".
 */
export function movedToMerged(before: Messages, left: Messages, goneId: string, mergedInto: string): Messages {
  const written = before.drafts?.find((d) => d.person.id === goneId);
  if (!written || !editedIn(before).has(goneId) || before.sent.includes(goneId)) return left;
  const drafts = left.drafts ?? [];
  const own = drafts.find((d) => d.person.id === mergedInto);
  const ownSent = left.sent.includes(mergedInto);
  const keepOwn = own && (editedIn(left).has(mergedInto) || ownSent);
  const moved = keepOwn
    ? { ...own, body: `${own.body}\n\n${mergedMessageLine(written.person.displayName)}\n${written.body}` }
    : { ...written, person: { ...written.person, id: mergedInto } };
  return {
    // In the place of the kept person's own message, if any.
    drafts: own ? drafts.map((d) => (d.person.id === mergedInto ? moved : d)) : [...drafts, moved],
    sent: keepOwn ? left.sent : left.sent.filter((id) => id !== mergedInto),
    edited: [...new Set([...editedIn(left), mergedInto])],
  };
}

/** Marks where a merged-away person's message starts, in the message it was added to. */
export const mergedMessageLine = (name: string) => `— Your message to ${name}, before the merge —`;

/** Every message there is was marked sent: the announcement is out, nothing of it is a draft any more. */
export const allSent = (m: Messages): boolean =>
  !!m.drafts?.length && m.drafts.every((d) => m.sent.includes(d.person.id));

/**
 * Deleted people leave no announcement message behind in any kept composer (what was written to
 * them), and are no longer among its chosen people; a person merged into another is replaced there
 * by the one they were merged into, who also gets the message written to them (`movedToMerged`). A composer whose other messages were all sent is forgotten,
 * as it is when the last of them is sent.
 */
export function forgetAnnouncementDraftsAbout(contactIds: readonly string[], mergedInto?: string): Revision[] {
  const gone = new Set(contactIds);
  const finished = new Set<string>();
  const messages = formDrafts.revise((slot, values) => {
    if (!slot.startsWith(messagesSlot(''))) return values;
    const m = Messages.safeParse(values);
    if (!m.success || !m.data.drafts?.some((d) => gone.has(d.person.id))) return values;
    const withoutThem = withoutRecipients(m.data, contactIds);
    let left = withoutThem;
    if (mergedInto) for (const id of contactIds) left = movedToMerged(m.data, left, id, mergedInto);
    // Text a merge moved onto a message already sent was never sent itself: the composer stays.
    if (!allSent(left) || left !== withoutThem) return left;
    finished.add(slot.slice(messagesSlot('').length));
    return undefined;
  });
  const forms = formDrafts.revise((slot, values) => {
    if (!slot.startsWith(announcementSlot(''))) return values;
    if (finished.has(slot.slice(announcementSlot('').length))) return undefined;
    const form = AnnouncementForm.safeParse(values);
    if (!form.success || !form.data.contactIds.some((id) => gone.has(id))) return values;
    const ids = form.data.contactIds.map((id) => (gone.has(id) ? mergedInto : id)).filter((id) => id !== undefined);
    return { ...form.data, contactIds: [...new Set(ids)] };
  });
  return [messages, forms];
}

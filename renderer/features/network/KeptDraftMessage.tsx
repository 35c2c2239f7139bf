import { z } from 'zod';
import { DraftText } from '../../ui/drafts/draft-store.ts';
import { RestoredDraft } from '../../ui/drafts/RestoredDraft.tsx';
import { useDraft } from '../../ui/drafts/useDraft.ts';
import { DraftMessage, type DraftMessageProps } from './DraftMessage.tsx';

const EditedBody = z.object({ body: DraftText });

/**
 * A drafted message the user can edit, their edit kept as a draft in `slot` (Escape, leaving the
 * screen or a reload never loses it) until it is marked sent or they start over.
 */
export function KeptDraftMessage({
  slot,
  body,
  onSent,
  ...message
}: Omit<DraftMessageProps, 'onBodyChange' | 'onSent' | 'notice'> & {
  slot: string;
  /** Logs it as sent; resolves true once logged, when the edit is no longer a draft. */
  onSent?: () => Promise<boolean>;
}) {
  // Tied to nothing (null) rather than the drafted text: a message drafted afresh (a later date
  // in it, a new signature) must not hide what the user wrote over the old one.
  const edit = useDraft(slot, { body }, EditedBody, null);
  return (
    <DraftMessage
      {...message}
      body={edit.values.body}
      onBodyChange={edit.setter('body')}
      notice={<RestoredDraft draft={edit} what={`the message to ${message.to}`} />}
      {...(onSent ? { onSent: () => void onSent().then((ok) => ok && edit.forget()) } : {})}
    />
  );
}

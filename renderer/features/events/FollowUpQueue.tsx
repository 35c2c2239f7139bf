import { Copy, Mail } from 'lucide-react';
import { z } from 'zod';
import { mailtoLink } from '../../../shared/domain/network/outreach.ts';
import type { EventView, FollowUpView } from '../../../shared/ipc/channels/events.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { openPerson } from '../../navigation/useScreen.ts';
import { formatDate } from '../../ui/dates.ts';
import { DraftText } from '../../ui/drafts/draft-store.ts';
import { RestoredDraft } from '../../ui/drafts/RestoredDraft.tsx';
import { useDraft } from '../../ui/drafts/useDraft.ts';
import { useFocusStaysInList } from '../../ui/useFocusStaysInList.ts';
import { useCopy } from '../starters/useCopy.ts';

const STATE_WORDS = (item: FollowUpView) =>
  item.state === 'due'
    ? `Due by ${formatDate(item.dueBy)}`
    : item.state === 'late'
      ? 'Late but still worth it'
      : `Sent ${formatDate(item.followedUpOn ?? item.dueBy)}`;

/** After: everyone met, each with a drafted message; copy or open it, send it yourself, mark it sent. */
export function FollowUpQueue({ view }: { view: EventView }) {
  const { event, followUps } = view;
  const waiting = followUps.filter((f) => f.state !== 'done');
  const done = followUps.filter((f) => f.state === 'done');
  // Marked sent, a person leaves the list: focus goes to the next one's Mark sent, not to the page.
  const focusStays = useFocusStaysInList();

  return (
    <section className="card stack" aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title" className="section-title">
        Follow-ups <span className="count">{waiting.length}</span>
      </h2>
      {!followUps.length ? (
        <p className="empty">
          People you capture at the event appear here, each with a message to send within two days.
        </p>
      ) : null}
      <ul className="follow-up-list" {...focusStays}>
        {waiting.map((item) => (
          <FollowUpItem key={item.contactId} eventId={event.id} today={view.today} item={item} />
        ))}
      </ul>
      {done.length ? (
        <details>
          <summary>Sent ({done.length})</summary>
          <ul className="plain-list">
            {done.map((item) => (
              <li key={item.contactId}>
                {item.displayName} <span className="muted small">{STATE_WORDS(item)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

const EditedBody = z.object({ body: DraftText });

/**
 * One person to follow up with: the drafted message, theirs to edit (kept as a draft until it is
 * marked sent, like every message Rapport drafts), then Copy or Open in email, and Mark sent.
 */
function FollowUpItem({ eventId, today, item }: { eventId: string; today: string; item: FollowUpView }) {
  const { copy, status } = useCopy();
  const request = useRequest();
  // Tied to nothing: a draft written afresh (a day later, "late" wording) must not hide the user's edit.
  const edit = useDraft(`event-follow-up:${eventId}:${item.contactId}`, { body: item.draft }, EditedBody, null);
  const body = edit.values.body;
  const href = mailtoLink(item.email, { subject: item.subject, body });
  const markSent = async () => {
    const result = await request(
      () => rapport().events.markSent({ id: eventId, contactId: item.contactId, via: 'email' }),
      {
        action: `log the follow-up to ${item.displayName}`,
        success: () => ({ kind: 'success', title: `Logged your follow-up to ${item.displayName}` }),
      },
    );
    if (result.ok) edit.forget();
  };
  return (
    <li className={`follow-up follow-up-${item.state}`} aria-label={item.displayName}>
      <div className="likely-top">
        <button type="button" className="link-button" onClick={() => openPerson(item.contactId)}>
          {item.displayName}
        </button>
        <span className={`status status-${item.state === 'due' ? 'due' : 'overdue'}`}>{STATE_WORDS(item)}</span>
      </div>
      <RestoredDraft draft={edit} what={`the message to ${item.displayName}`} />
      <label className="visually-hidden" htmlFor={`draft-${item.contactId}`}>
        Draft to {item.displayName}
      </label>
      <textarea
        id={`draft-${item.contactId}`}
        rows={Math.min(10, body.split('\n').length + 1)}
        value={body}
        onChange={(e) => edit.set({ body: e.target.value })}
      />
      <div className="actions">
        <button
          type="button"
          className="small"
          onClick={() => void copy(body, `Copied the draft to ${item.displayName}.`)}
        >
          <Copy size={14} aria-hidden /> Copy
        </button>
        {href ? (
          <a className="button small" href={href}>
            <Mail size={14} aria-hidden /> Open in email
          </a>
        ) : null}
        {item.metOn > today ? (
          // Captured ahead of the event's day: there is nothing to follow up yet.
          <span className="muted small">Send it after you meet on {formatDate(item.metOn)}</span>
        ) : (
          <button type="button" className="small primary" data-row-control="mark-sent" onClick={() => void markSent()}>
            Mark {item.displayName} sent
          </button>
        )}
        <span className="visually-hidden" role="status">
          {status}
        </span>
      </div>
    </li>
  );
}

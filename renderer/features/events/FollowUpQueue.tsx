import { Copy, Mail } from 'lucide-react';
import type { EventView, FollowUpView } from '../../../shared/ipc/channels/events.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { openPerson } from '../../navigation/useScreen.ts';
import { formatDate } from '../../ui/dates.ts';
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
  const { copy, status } = useCopy();
  const request = useRequest();
  const waiting = followUps.filter((f) => f.state !== 'done');
  const done = followUps.filter((f) => f.state === 'done');
  const markSent = (item: FollowUpView) =>
    request(() => rapport().events.markSent({ id: event.id, contactId: item.contactId, via: 'email' }), {
      action: `log the follow-up to ${item.displayName}`,
      success: () => ({ kind: 'success', title: `Logged your follow-up to ${item.displayName}` }),
    });

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
      <ul className="follow-up-list">
        {waiting.map((item) => (
          <li key={item.contactId} className={`follow-up follow-up-${item.state}`} aria-label={item.displayName}>
            <div className="likely-top">
              <button type="button" className="link-button" onClick={() => openPerson(item.contactId)}>
                {item.displayName}
              </button>
              <span className={`status status-${item.state === 'due' ? 'due' : 'overdue'}`}>{STATE_WORDS(item)}</span>
            </div>
            <label className="visually-hidden" htmlFor={`draft-${item.contactId}`}>
              Draft to {item.displayName}
            </label>
            <textarea id={`draft-${item.contactId}`} readOnly rows={5} value={item.draft} />
            <div className="actions">
              <button
                type="button"
                className="small"
                onClick={() => void copy(item.draft, `Copied the draft to ${item.displayName}.`)}
              >
                <Copy size={14} aria-hidden /> Copy
              </button>
              {item.mailto ? (
                <a className="button small" href={item.mailto}>
                  <Mail size={14} aria-hidden /> Open in email
                </a>
              ) : null}
              <button type="button" className="small primary" onClick={() => void markSent(item)}>
                Mark {item.displayName} sent
              </button>
            </div>
          </li>
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
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </section>
  );
}

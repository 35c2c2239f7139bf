import { Copy, Mail, Send } from 'lucide-react';
import { useId } from 'react';
import { mailtoLink } from '../../../shared/domain/network/outreach.ts';
import { useCopy } from '../starters/useCopy.ts';

/**
 * One drafted message: its subject and text, Copy, Open in email (a mailto: link, only with an
 * address), and Mark sent. Rapport never sends anything itself; the user sends one at a time.
 */
export function DraftMessage({
  to,
  email,
  subject,
  body,
  onSent,
  sent,
  badge,
}: {
  /** Who it is for, as the controls name it: "Copy the message to Ana Costa". */
  to: string;
  email?: string | undefined;
  subject: string;
  body: string;
  onSent?: () => void;
  sent?: boolean;
  badge?: string;
}) {
  const id = useId();
  const { copy, status } = useCopy();
  const href = mailtoLink(email, { subject, body });
  return (
    <article className="message-draft" aria-labelledby={`${id}-to`}>
      <header className="message-draft-head">
        <h3 id={`${id}-to`}>{to}</h3>
        {badge ? <span className="badge">{badge}</span> : null}
        {sent ? <span className="badge ok">Sent</span> : null}
      </header>
      <p className="message-draft-subject">
        <span className="muted">Subject:</span> {subject}
      </p>
      <label className="visually-hidden" htmlFor={`${id}-body`}>
        Message to {to}
      </label>
      <textarea
        id={`${id}-body`}
        className="message-draft-body"
        readOnly
        value={body}
        rows={Math.min(12, body.split('\n').length + 1)}
      />
      <div className="message-draft-actions">
        <button type="button" onClick={() => void copy(`${subject}\n\n${body}`, `Copied the message to ${to}.`)}>
          <Copy size={14} aria-hidden /> Copy<span className="visually-hidden"> the message to {to}</span>
        </button>
        {href ? (
          <a className="button" href={href}>
            <Mail size={14} aria-hidden /> Open in email<span className="visually-hidden"> to {to}</span>
          </a>
        ) : (
          <span className="muted small">No e-mail address: copy it instead.</span>
        )}
        {onSent ? (
          <button type="button" className="primary" onClick={onSent} disabled={sent}>
            <Send size={14} aria-hidden /> Mark sent<span className="visually-hidden"> to {to}</span>
          </button>
        ) : null}
        <span role="status" className="muted small">
          {status}
        </span>
      </div>
    </article>
  );
}

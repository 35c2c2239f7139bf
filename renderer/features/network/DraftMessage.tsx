import { Copy, Mail, Send } from 'lucide-react';
import { useId, useRef, useState, type ReactNode } from 'react';
import { mailtoLink } from '../../../shared/domain/network/outreach.ts';
import { gapsIn } from '../starters/starter-text.ts';
import { useCopy } from '../starters/useCopy.ts';

export interface DraftMessageProps {
  /** Who it is for, as the controls name it: "Copy the message to Ana Costa". */
  to: string;
  email?: string | undefined;
  subject: string;
  body: string;
  /** Makes the text editable; Copy, Open in email and Mark sent use what it holds. */
  onBodyChange?: (body: string) => void;
  onSent?: () => void;
  sent?: boolean;
  badge?: string | undefined;
  /** Shown above the text (the notice that an edit was restored). */
  notice?: ReactNode;
}

/**
 * One drafted message: its subject and text, Copy, Open in email (a mailto: link, only with an
 * address), and Mark sent. Rapport never sends anything itself; the user sends one at a time.
 */
export function DraftMessage({
  to,
  email,
  subject,
  body,
  onBodyChange,
  onSent,
  sent,
  badge,
  notice,
}: DraftMessageProps) {
  const id = useId();
  const { copy, status } = useCopy();
  const [unfilled, setUnfilled] = useState<string | null>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  const href = mailtoLink(email, { subject, body });
  const markSent = () => {
    if (sent) return;
    // A message still holding "[what you need, in a sentence]" was not sent as it reads here.
    const gaps = gapsIn(body);
    if (gaps.length) {
      setUnfilled(`Fill in ${gaps.join(' and ')} before marking it sent.`);
      text.current?.focus();
      return;
    }
    setUnfilled(null);
    onSent?.();
  };
  return (
    <article className="message-draft" aria-labelledby={`${id}-to`}>
      <header className="message-draft-head">
        <h3 id={`${id}-to`}>{to}</h3>
        {badge ? <span className="badge">{badge}</span> : null}
        {sent ? <span className="badge ok">Sent</span> : null}
      </header>
      {notice}
      <p className="message-draft-subject">
        <span className="muted">Subject:</span> {subject}
      </p>
      <label className="visually-hidden" htmlFor={`${id}-body`}>
        Message to {to}
      </label>
      <textarea
        id={`${id}-body`}
        ref={text}
        className="message-draft-body"
        readOnly={!onBodyChange}
        value={body}
        onChange={(e) => {
          onBodyChange?.(e.target.value);
          if (unfilled && !gapsIn(e.target.value).length) setUnfilled(null);
        }}
        aria-invalid={unfilled ? true : undefined}
        aria-describedby={unfilled ? `${id}-unfilled` : undefined}
        rows={Math.min(12, body.split('\n').length + 1)}
      />
      {unfilled ? (
        <p id={`${id}-unfilled`} className="field-error" role="alert">
          {unfilled}
        </p>
      ) : null}
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
          // aria-disabled, not disabled, once sent: a disabled button drops focus out of the dialog.
          <button type="button" className="primary" onClick={markSent} aria-disabled={sent || undefined}>
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

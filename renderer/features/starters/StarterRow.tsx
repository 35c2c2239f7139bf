import { PenLine, Star } from 'lucide-react';
import { useId } from 'react';
import { STARTER_KIND_LABELS } from '../../../shared/content/library.ts';
import type { Starter } from '../../../shared/content/schema.ts';
import type { OwnStarter } from '../../../shared/domain/practice/model.ts';
import { splitGaps } from './starter-text.ts';

/** A library line, or one of the user's own (`own`). */
export type Row = Starter & { own?: OwnStarter };

const CHANNEL_LABELS: Record<string, string> = {
  'in-person': 'in person',
  email: 'email',
  message: 'message',
  linkedin: 'LinkedIn',
  social: 'social media',
  phone: 'phone',
  any: 'any channel',
};

interface StarterRowProps {
  starter: Row;
  favourite: boolean;
  onFavourite: () => void;
  onCopy: () => void;
  /** Opens "Write your own" with this library line, to save an adapted copy as the user's own. */
  onMakeYours: () => void;
  onEdit: (own: OwnStarter) => void;
  onDelete: (own: OwnStarter) => void;
}

/**
 * One starter with its gaps highlighted and its actions; every button is described by the line
 * it acts on. An `example` line (true for some people only) says so and offers "Make it yours".
 */
export function StarterRow({
  starter: s,
  favourite,
  onFavourite,
  onCopy,
  onMakeYours,
  onEdit,
  onDelete,
}: StarterRowProps) {
  const id = useId();
  const example = s.kind === 'example';
  const text = `${id}-text`;
  return (
    <li className="starter-item">
      <p id={text} className="suggestion-text">
        {splitGaps(s.text).map((part, i) =>
          part.gap ? (
            <span key={i} className="gap">
              {part.text}
            </span>
          ) : (
            part.text
          ),
        )}
      </p>
      <p className="person-meta">
        {s.own ? <span className="type-badge">Yours</span> : null}
        {example ? <span className="type-badge example">{STARTER_KIND_LABELS.example}</span> : null} {s.tone} ·{' '}
        {CHANNEL_LABELS[s.channel] ?? s.channel}
      </p>
      {example ? (
        <p id={`${id}-example`} className="example-hint">
          This line says something about you that may not be true for you. Change it so it is before you send it.
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          aria-pressed={favourite}
          aria-describedby={text}
          onClick={onFavourite}
          data-row-control="favourite"
        >
          <Star size={14} aria-hidden fill={favourite ? 'currentColor' : 'none'} /> Favourite
        </button>
        <button type="button" aria-describedby={text} onClick={onCopy}>
          Copy
        </button>
        {s.own ? (
          <>
            <button type="button" aria-describedby={text} onClick={() => onEdit(s.own!)}>
              Edit
            </button>
            <button type="button" className="danger" aria-describedby={text} onClick={() => onDelete(s.own!)}>
              Delete
            </button>
          </>
        ) : (
          <button type="button" aria-describedby={example ? `${text} ${id}-example` : text} onClick={onMakeYours}>
            <PenLine size={14} aria-hidden /> Make it yours
          </button>
        )}
      </div>
    </li>
  );
}

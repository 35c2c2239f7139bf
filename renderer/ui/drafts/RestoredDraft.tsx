import { useEffect, useState } from 'react';

const FIELDS = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled])';

export interface RestoredDraftProps {
  /** The form's draft (useDraft or useFormDraft): nothing is shown unless it was restored. */
  draft: { restored: boolean; discard(): void };
  /** What else Start over clears (the form's messages). */
  alsoClear?: () => void;
  /** Names the form when a screen holds several (Settings), so each button says whose it is. */
  what?: string;
}

/**
 * Says a form opened with what was typed before and not saved, with the way back to its blank.
 * Start over leaves focus in the form's first field: the button itself goes away.
 */
export function RestoredDraft({ draft, alsoClear, what }: RestoredDraftProps) {
  if (!draft.restored) return null;
  return <Notice draft={draft} {...(alsoClear ? { alsoClear } : {})} {...(what ? { what } : {})} />;
}

function Notice({ draft, alsoClear, what }: RestoredDraftProps) {
  // A live region that appears with its text is rarely read out (focus moves into the form at the
  // same moment), so the words go into an empty one just after.
  const [said, setSaid] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSaid(true), 100);
    return () => clearTimeout(timer);
  }, []);
  return (
    <p className="notice restored-draft">
      <span className="visually-hidden" role="status">
        {said ? `Restored what you typed before${what ? ` in ${what}` : ''}.` : ''}
      </span>
      <span aria-hidden="true">Restored what you typed before.</span>{' '}
      <button
        type="button"
        className="ghost small"
        aria-label={what ? `Start over: ${what}` : undefined}
        onClick={(e) => {
          // A drafted message (network/DraftMessage) is an article with no form around it.
          const form = e.currentTarget.closest('form, article');
          draft.discard();
          alsoClear?.();
          form?.querySelector<HTMLElement>(FIELDS)?.focus();
        }}
      >
        Start over
      </button>
    </p>
  );
}

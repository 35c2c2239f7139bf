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
  return (
    <p className="notice restored-draft" role="status">
      Restored what you typed before.{' '}
      <button
        type="button"
        className="ghost small"
        aria-label={what ? `Start over: ${what}` : undefined}
        onClick={(e) => {
          const form = e.currentTarget.closest('form');
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

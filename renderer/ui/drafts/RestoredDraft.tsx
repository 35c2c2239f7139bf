const FIELDS = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled])';

/**
 * Says a form opened with what was typed before and not saved, with the way back to a blank form.
 * `what` names the form when a screen holds several (Settings), so each button says whose it is.
 * Start over leaves focus in the form's first field: the button itself goes away.
 */
export function RestoredDraft({ onStartOver, what }: { onStartOver: () => void; what?: string }) {
  return (
    <p className="notice restored-draft" role="status">
      Restored what you typed before.{' '}
      <button
        type="button"
        className="ghost small"
        aria-label={what ? `Start over: ${what}` : undefined}
        onClick={(e) => {
          const form = e.currentTarget.closest('form');
          onStartOver();
          form?.querySelector<HTMLElement>(FIELDS)?.focus();
        }}
      >
        Start over
      </button>
    </p>
  );
}

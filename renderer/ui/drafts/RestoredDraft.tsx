/** Says a form opened with what was typed before and not saved, with the way back to a blank form. */
export function RestoredDraft({ onStartOver }: { onStartOver: () => void }) {
  return (
    <p className="notice restored-draft">
      Restored what you typed before.{' '}
      <button type="button" className="ghost small" onClick={onStartOver}>
        Start over
      </button>
    </p>
  );
}

import { useState, type FormEvent } from 'react';
import type { Placeholder, PlaceholderValues } from '../../../shared/content/placeholders.ts';
import { copyText } from '../../../shared/domain/starters/copy-text.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { PLACEHOLDER_LABELS } from './starter-text.ts';
import { useFocusFirstError } from '../../ui/useFocusFirstError.ts';

/**
 * Before a starter with gaps that can't be left out ([detail], [event], a [name] mid-sentence) is
 * copied, ask for each of them once, so what lands on the clipboard never carries a placeholder.
 * Focus starts in the first gap.
 */
export function FillGapsDialog({
  starter,
  onClose,
  onCopy,
}: {
  /** The starter's text, or null when closed. */
  starter: string | null;
  onClose: () => void;
  onCopy: (text: string) => void;
}) {
  return (
    <Dialog open={starter !== null} title="Fill in the gaps" onClose={onClose}>
      {starter ? <GapsForm starter={starter} onCopy={onCopy} /> : null}
    </Dialog>
  );
}

function GapsForm({ starter, onCopy }: { starter: string; onCopy: (text: string) => void }) {
  const first = copyText(starter);
  const gaps: Placeholder[] = first.ok ? [] : first.missing;
  const [values, setValues] = useState<PlaceholderValues>({});
  const [errors, setErrors] = useState<PlaceholderValues>({});
  const formRef = useFocusFirstError(errors);
  // Exactly what will be copied, with "…" for a gap not filled in yet.
  const filled = copyText(starter, Object.fromEntries(gaps.map((g) => [g, values[g]?.trim() || '…'])));
  const preview = filled.ok ? filled.text : starter;
  function submit(event: FormEvent) {
    event.preventDefault();
    const result = copyText(starter, values);
    if (result.ok) return onCopy(result.text);
    setErrors(Object.fromEntries(result.missing.map((g) => [g, 'Fill this in to copy'])));
  }
  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit}>
      {gaps.map((g) => (
        <Field
          key={g}
          label={PLACEHOLDER_LABELS[g]}
          value={values[g] ?? ''}
          error={errors[g]}
          onChange={(e) => setValues({ ...values, [g]: e.target.value })}
        />
      ))}
      <blockquote className="draft" aria-label="Preview">
        {preview}
      </blockquote>
      <div className="dialog-footer">
        <button type="submit" className="primary">
          Copy
        </button>
      </div>
    </form>
  );
}

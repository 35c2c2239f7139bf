import { useState, type FormEvent } from 'react';
import type { Placeholder } from '../../../shared/content/schema.ts';
import { fillPlaceholders } from '../../../shared/domain/starters/personalise.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { gapsIn, PLACEHOLDER_LABELS } from './starter-text.ts';

/**
 * Before a starter with gaps is copied, ask for each gap once, so what lands on the clipboard
 * never carries "[name]" or "[event]". Focus starts in the first gap.
 */
export function FillGapsDialog({
  starter,
  onClose,
  onCopy,
}: {
  /** The stored text (with `{firstName}`-style placeholders), or null when closed. */
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
  const gaps = gapsIn(starter);
  const [values, setValues] = useState<Partial<Record<Placeholder, string>>>({});
  const [errors, setErrors] = useState<Partial<Record<Placeholder, string>>>({});
  const preview = fillPlaceholders(
    starter,
    Object.fromEntries(gaps.map((g) => [g, values[g]?.trim() || `[${PLACEHOLDER_LABELS[g].toLocaleLowerCase()}]`])),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    const missing = Object.fromEntries(gaps.filter((g) => !values[g]?.trim()).map((g) => [g, 'Fill this in to copy']));
    if (Object.keys(missing).length) return setErrors(missing);
    onCopy(fillPlaceholders(starter, Object.fromEntries(gaps.map((g) => [g, values[g]!.trim()]))));
  }
  return (
    <form className="form" noValidate onSubmit={submit}>
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

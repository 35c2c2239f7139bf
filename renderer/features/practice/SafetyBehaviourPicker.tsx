import { useId, useState } from 'react';
import { Field } from '../../ui/Field.tsx';

interface SafetyBehaviourPickerProps {
  legend: string;
  hint: string;
  /** The behaviours offered as checkboxes, in order. */
  options: readonly string[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  /** Offer a field to add one of the user's own (it is added ticked). */
  allowOwn?: boolean;
  error?: string | undefined;
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');

/** Checkboxes of safety behaviours, plus the user's own; adding one announces it and keeps focus in the field. */
export function SafetyBehaviourPicker({
  legend,
  hint,
  options,
  chosen,
  onChange,
  allowOwn = false,
  error,
}: SafetyBehaviourPickerProps) {
  const id = useId();
  const [added, setAdded] = useState<string[]>([]);
  const [own, setOwn] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const all = [...options, ...added.filter((a) => !options.some((o) => same(o, a)))];
  const isChosen = (b: string) => chosen.some((c) => same(c, b));
  const toggle = (b: string, on: boolean) => onChange(on ? [...chosen, b] : chosen.filter((c) => !same(c, b)));

  function addOwn() {
    const text = own.trim().replace(/\s+/g, ' ');
    if (!text) return;
    const existing = all.find((b) => same(b, text));
    if (!existing) setAdded([...added, text]);
    if (!isChosen(existing ?? text)) onChange([...chosen, existing ?? text]);
    setAnnouncement(`Added “${existing ?? text}”, ticked.`);
    setOwn('');
  }

  return (
    <fieldset aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}>
      <legend>{legend}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <div className="safety-list">
        {all.map((b) => (
          <label key={b} className="check">
            <input type="checkbox" checked={isChosen(b)} onChange={(e) => toggle(b, e.target.checked)} />
            {b}
          </label>
        ))}
      </div>
      {allowOwn ? (
        <div className="row">
          <Field
            label="Another one of yours"
            value={own}
            onChange={(e) => setOwn(e.target.value)}
            onKeyDown={(e) => {
              // Enter adds the behaviour rather than submitting the whole plan.
              if (e.key !== 'Enter') return;
              e.preventDefault();
              addOwn();
            }}
          />
          <button type="button" disabled={!own.trim()} onClick={addOwn}>
            Add
          </button>
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}

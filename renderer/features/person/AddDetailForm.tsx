import { useId, useState, type FormEvent } from 'react';
import { rapport } from '../../api/rapport.ts';

/** Remember something about this person outside of a logged interaction. */
export function AddDetailForm({ contactId }: { contactId: string }) {
  const id = useId();
  const [text, setText] = useState('');
  const [sensitivity, setSensitivity] = useState<'normal' | 'private' | 'sensitive'>('normal');
  const [error, setError] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const info = await rapport().app.info({});
    const result = await rapport().details.add({
      contactId,
      text,
      sensitivity,
      learnedOn: info.ok ? info.value.today : '',
    });
    if (!result.ok) return setError(result.error.details?.[0]?.message ?? result.error.message);
    setText('');
    setError('');
  }

  return (
    <form className="add-detail row" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field grow">
        <label htmlFor={`${id}-text`}>Remember about them</label>
        <input
          id={`${id}-text`}
          value={text}
          placeholder="e.g. training for a half marathon"
          aria-invalid={error ? true : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-sens`}>Privacy</label>
        <select
          id={`${id}-sens`}
          value={sensitivity}
          onChange={(e) => setSensitivity(e.target.value as typeof sensitivity)}
        >
          <option value="normal">Normal</option>
          <option value="private">Private</option>
          <option value="sensitive">Sensitive</option>
        </select>
      </div>
      <button type="submit">Remember</button>
    </form>
  );
}

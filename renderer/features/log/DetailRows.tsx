import { Plus } from 'lucide-react';
import { useId } from 'react';

export type DetailRow = { text: string; sensitivity: 'normal' | 'private' | 'sensitive'; followUpOn: string };
export const EMPTY_DETAIL: DetailRow = { text: '', sensitivity: 'normal', followUpOn: '' };

/** "Remember for next time": details learned in this conversation, each with its privacy and follow-up date. */
export function DetailRows({
  rows,
  onChange,
  error,
}: {
  rows: DetailRow[];
  onChange: (rows: DetailRow[]) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const set = (i: number, patch: Partial<DetailRow>) =>
    onChange(rows.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <fieldset className="stack">
      <legend>Remember for next time</legend>
      {rows.map((d, i) => (
        <div className="row" key={i}>
          <div className="field grow">
            <label htmlFor={`${id}-detail-${i}`}>Detail</label>
            <input
              id={`${id}-detail-${i}`}
              placeholder="e.g. new puppy called Biscuit"
              value={d.text}
              onChange={(e) => set(i, { text: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-sens-${i}`}>Privacy</label>
            <select
              id={`${id}-sens-${i}`}
              value={d.sensitivity}
              onChange={(e) => set(i, { sensitivity: e.target.value as DetailRow['sensitivity'] })}
            >
              <option value="normal">Normal</option>
              <option value="private">Private (never in notifications)</option>
              <option value="sensitive">Sensitive (only in this window)</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-follow-${i}`}>Follow up on</label>
            <input
              id={`${id}-follow-${i}`}
              type="date"
              max="9999-12-31"
              value={d.followUpOn}
              onChange={(e) => set(i, { followUpOn: e.target.value })}
            />
          </div>
        </div>
      ))}
      <div>
        <button type="button" className="ghost small" onClick={() => onChange([...rows, EMPTY_DETAIL])}>
          <Plus size={14} aria-hidden /> Add another detail
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

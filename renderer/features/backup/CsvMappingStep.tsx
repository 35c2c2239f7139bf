import { useId, useState } from 'react';
import { CSV_FIELDS, type CsvField, type CsvMapping } from '../../../shared/domain/csv-mapping.ts';
import type { CsvPreview } from '../../../shared/ipc/channels/interchange.ts';
import { LAYOUT_TEXT, withField } from './csv-mapping-edit.ts';

export interface CsvMappingStepProps {
  /** The CSV side of the latest preview: layout, how it was chosen, samples. */
  csv: CsvPreview;
  /** The mapping as the user has it now (it may be ahead of `csv` while the file is read again). */
  mapping: CsvMapping;
  /** The mapping the file was first read with, to give a column back its label and entry. */
  original: CsvMapping;
  remember: boolean;
  /** The file is being read again with the latest change. */
  reading: boolean;
  error: string;
  /** Read the file again with this mapping (and remember it, or not). */
  onChange: (mapping: CsvMapping, remember: boolean) => void;
}

function sourceText(csv: CsvPreview): string {
  const layout = LAYOUT_TEXT[csv.layout];
  switch (csv.source) {
    case 'detected':
      return `Recognised as ${layout}.`;
    case 'remembered':
      return 'Read with the layout you remembered for these columns.';
    case 'chosen':
      return csv.layout === 'custom'
        ? 'Read with the columns as you set them.'
        : `Read as ${layout}, with your changes.`;
    case 'guessed':
      return 'Rapport does not know these columns. Check where each one goes, then read the file with them.';
  }
}

const SUMMARY: Record<CsvPreview['source'], string> = {
  detected: 'recognised',
  remembered: 'as you remembered them',
  chosen: 'as you set them',
  guessed: 'not recognised, check them',
};

/**
 * Where each column of a CSV goes: its header, a few of its values and a choice of field. A
 * change reads the file again at once, so the people below follow; "Remember this layout" keeps
 * the mapping for the next file with the same header row. Open from the start when the columns
 * were only guessed.
 */
export function CsvMappingStep({ csv, mapping, original, remember, reading, error, onChange }: CsvMappingStepProps) {
  const [showEmpty, setShowEmpty] = useState(false);
  // Open from the start only when the columns need checking; then the user's choice holds.
  const [open, setOpen] = useState(csv.source === 'guessed');
  const hintId = useId();
  const filled = mapping.columns.filter((c) => csv.samples[c.index]?.length);
  const shown = showEmpty || filled.length === 0 ? mapping.columns : filled;
  const empty = mapping.columns.length - filled.length;
  const change = (index: number, field: CsvField) => onChange(withField(mapping, index, field, original), remember);

  return (
    <details className="csv-mapping" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Columns: {SUMMARY[csv.source]} ({filled.length} with values)
      </summary>
      <p>{sourceText(csv)}</p>
      <label className="check">
        <input
          type="checkbox"
          checked={remember}
          aria-describedby={hintId}
          onChange={(e) => onChange(mapping, e.currentTarget.checked)}
        />
        Remember this layout
      </label>
      <p id={hintId} className="field-hint">
        The next file with the same columns is read this way.
      </p>
      {error ? (
        <p role="alert" className="inline-alert">
          {error}
        </p>
      ) : null}
      <div className="import-table-scroller">
        <table className="import-table csv-mapping-table">
          <caption className="visually-hidden">Where each column of the file goes</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Values in the file</th>
              <th scope="col">Goes to</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((column) => (
              <tr key={column.index}>
                <th scope="row">{column.header || `Column ${column.index + 1}`}</th>
                <td>
                  {csv.samples[column.index]?.length ? (
                    <ul className="csv-samples">
                      {csv.samples[column.index]!.map((value, i) => (
                        <li key={i}>{value}</li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">empty</span>
                  )}
                </td>
                <td>
                  <select
                    aria-label={`Where "${column.header || `Column ${column.index + 1}`}" goes`}
                    value={column.field}
                    onChange={(e) => change(column.index, e.currentTarget.value as CsvField)}
                  >
                    {CSV_FIELDS.map(([field, label]) => (
                      <option key={field} value={field}>
                        {label}
                      </option>
                    ))}
                  </select>
                  {column.label ? <span className="csv-label"> as “{column.label}”</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        {empty > 0 && filled.length > 0 ? (
          <button type="button" className="small" onClick={() => setShowEmpty(!showEmpty)}>
            {showEmpty ? 'Show only the columns with values' : `Show the ${empty} empty columns too`}
          </button>
        ) : null}
        {csv.source === 'guessed' ? (
          <button type="button" className="primary" onClick={() => onChange(mapping, remember)}>
            Read the file with these columns
          </button>
        ) : null}
      </div>
      <p role="status" className="field-hint">
        {reading ? 'Reading the file again…' : ''}
      </p>
    </details>
  );
}

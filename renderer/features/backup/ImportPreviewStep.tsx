import type { ReactNode } from 'react';
import type { ImportAction, ImportPolicy, ImportPreview } from '../../../shared/ipc/channels/interchange.ts';
import { formatCount, peopleCount } from '../../ui/counted.ts';
import { actionChoices, fieldNames, keptApartText, matchesText, statusText } from './import-row-text.ts';

/** Rows drawn in the table; the rest follow the policy (a 10k-row table would freeze the window). */
const SHOWN = 300;

export interface ImportPreviewStepProps {
  preview: ImportPreview;
  policy: ImportPolicy | '';
  onPolicy: (policy: ImportPolicy | '') => void;
  actionFor: (index: number) => ImportAction;
  onAction: (index: number, action: ImportAction) => void;
  /** The CSV mapping step, for a CSV file. */
  columns?: ReactNode;
  /** Import waits while the file is read again. */
  busy: boolean;
  onCancel: () => void;
  onImport: () => void;
}

/** The preview: counts, the file's problems, a choice per person and a policy for every match. */
export function ImportPreviewStep({
  preview,
  policy,
  onPolicy,
  actionFor,
  onAction,
  columns,
  busy,
  onCancel,
  onImport,
}: ImportPreviewStepProps) {
  // A CSV whose columns were only guessed has not been read yet: "0 people" would say it is empty.
  const unread = preview.csv?.source === 'guessed';
  return (
    // Taller than a 600 px window: Cancel and Import stay in view at the dialog's foot (ui/overlays.css).
    <div className="import-preview keeps-footer">
      {unread ? (
        <p role="status">
          {preview.fileName}
          {busy ? ': Reading…' : ''}
        </p>
      ) : (
        <p role="status">
          {preview.fileName}: {peopleCount(preview.cards.length)} — {formatCount(preview.counts.new)} new,{' '}
          {formatCount(preview.counts.match)} matching someone here, {formatCount(preview.counts.conflict)} in conflict
          {preview.counts.duplicate
            ? `, ${formatCount(preview.counts.duplicate)} the same person as an earlier line`
            : ''}
          .
        </p>
      )}
      {columns}
      {unread ? null : <PeopleInFile {...{ preview, policy, onPolicy, actionFor, onAction }} />}
      <div className="dialog-footer">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={busy || preview.cards.length === 0} onClick={onImport}>
          Import
        </button>
      </div>
    </div>
  );
}

/** The choice for every match, the file's problems, and a row per person with its own choice. */
function PeopleInFile({
  preview,
  policy,
  onPolicy,
  actionFor,
  onAction,
}: Pick<ImportPreviewStepProps, 'preview' | 'policy' | 'onPolicy' | 'actionFor' | 'onAction'>) {
  return (
    <>
      <label className="check">
        For every match and conflict:
        <select
          value={policy}
          onChange={(e) => onPolicy(e.currentTarget.value as ImportPolicy | '')}
          aria-label="Policy for all matches"
        >
          <option value="">Suggested (merge matches, skip conflicts)</option>
          <option value="merge">Merge into the existing person</option>
          <option value="skip">Skip</option>
          <option value="create">Create a new person</option>
        </select>
      </label>
      {preview.counts.duplicate ? (
        <p className="field-hint">
          A person who is in the file more than once is merged into one: their later lines go where their first line
          goes.
        </p>
      ) : null}
      {preview.problems.length ? <FileProblems problems={preview.problems} /> : null}
      <div className="import-table-scroller">
        <table className="import-table">
          <caption className="visually-hidden">People in the file</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Person</th>
              <th scope="col">Status</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {preview.cards.slice(0, SHOWN).map((card) => (
              <tr key={card.index}>
                <td>{card.line}</td>
                <th scope="row">
                  {card.displayName}
                  {card.email || card.organisation ? (
                    <span className="person-meta"> {[card.organisation, card.email].filter(Boolean).join(' · ')}</span>
                  ) : null}
                </th>
                <td>
                  {statusText(card)}
                  {matchesText(card) ? <span className="person-meta"> {matchesText(card)}</span> : null}
                  {card.conflictFields.length ? (
                    <span className="person-meta"> differs in {fieldNames(card.conflictFields)}</span>
                  ) : null}
                  {keptApartText(card) ? <span className="person-meta"> {keptApartText(card)}</span> : null}
                </td>
                <td>
                  <select
                    aria-label={`Action for ${card.displayName}, line ${card.line}`}
                    value={actionFor(card.index)}
                    onChange={(e) => onAction(card.index, e.currentTarget.value as ImportAction)}
                  >
                    {actionChoices(card).map(({ action, text }) => (
                      <option key={action} value={action}>
                        {text}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {preview.cards.length > SHOWN ? (
          <p className="field-hint">Showing the first {SHOWN}; the others follow the choice above.</p>
        ) : null}
      </div>
    </>
  );
}

/**
 * What the file held that could not come in as it stood, in file order. Open from the start when
 * something was left out, so a line that did not come in is seen before Import, not after.
 */
function FileProblems({ problems }: { problems: ImportPreview['problems'] }) {
  const inOrder = [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const leftOut = problems.filter((p) => p.severity === 'error').length;
  const toCheck = problems.length - leftOut;
  const summary = [leftOut ? `${leftOut} left out` : '', toCheck ? `${toCheck} to check` : '']
    .filter(Boolean)
    .join(', ');
  return (
    <details open={leftOut > 0}>
      <summary>In the file: {summary}</summary>
      <ul className="import-problems">
        {inOrder.map((p, i) => (
          <li key={i}>
            {p.file}, line {p.line}: {p.message}
          </li>
        ))}
      </ul>
    </details>
  );
}

import type { ReactNode } from 'react';
import type { ImportAction, ImportPolicy, ImportPreview } from '../../../shared/ipc/channels/interchange.ts';
import { counted, peopleCount } from '../../ui/counted.ts';

/** Rows drawn in the table; the rest follow the policy (a 10k-row table would freeze the window). */
const SHOWN = 300;
const STATUS_TEXT = { new: 'New', match: 'Matches', conflict: 'Conflict' } as const;
const ACTION_TEXT: Record<ImportAction, string> = { create: 'Create', merge: 'Merge', skip: 'Skip' };

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
  return (
    <>
      <p role="status">
        {preview.fileName}: {peopleCount(preview.cards.length)} — {preview.counts.new} new, {preview.counts.match}{' '}
        matching someone here, {preview.counts.conflict} in conflict.
      </p>
      {columns}
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
      {preview.problems.length ? (
        <details>
          <summary>{counted(preview.problems.length, 'problem', 'problems')} in the file</summary>
          <ul className="import-problems">
            {preview.problems.map((p, i) => (
              <li key={i}>
                {p.file}, line {p.line}: {p.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
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
                  {STATUS_TEXT[card.status]}
                  {card.matches.length ? (
                    <span className="person-meta">
                      {' '}
                      {card.matches.map((m) => `${m.displayName} (same ${m.reasons.join(', ')})`).join('; ')}
                    </span>
                  ) : null}
                  {card.conflictFields.length ? (
                    <span className="person-meta"> differs in {card.conflictFields.join(', ')}</span>
                  ) : null}
                </td>
                <td>
                  <select
                    aria-label={`Action for ${card.displayName}`}
                    value={actionFor(card.index)}
                    onChange={(e) => onAction(card.index, e.currentTarget.value as ImportAction)}
                  >
                    {(card.matches.length ? (['merge', 'create', 'skip'] as const) : (['create', 'skip'] as const)).map(
                      (a) => (
                        <option key={a} value={a}>
                          {ACTION_TEXT[a]}
                        </option>
                      ),
                    )}
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
      <div className="dialog-footer">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={busy || preview.cards.length === 0} onClick={onImport}>
          Import
        </button>
      </div>
    </>
  );
}

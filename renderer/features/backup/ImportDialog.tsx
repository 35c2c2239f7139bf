import { useEffect, useRef, useState } from 'react';
import type {
  ImportAction,
  ImportPolicy,
  ImportPreview,
  ImportProgress,
  ImportSummary,
} from '../../../shared/ipc/channels/interchange.ts';
import { rapport } from '../../api/rapport.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { fileSource } from './files.ts';

type Step =
  | { name: 'choose' }
  | { name: 'preview'; preview: ImportPreview }
  | { name: 'writing'; preview: ImportPreview }
  | { name: 'done'; summary: ImportSummary };

/** Rows drawn in the table; the rest follow the policy (a 10k-row table would freeze the window). */
const SHOWN = 300;
const STATUS_TEXT = { new: 'New', match: 'Matches', conflict: 'Conflict' } as const;
const ACTION_TEXT: Record<ImportAction, string> = { create: 'Create', merge: 'Merge', skip: 'Skip' };

/**
 * Import contacts: choose a vCard or CSV file → preview (new / match / conflict, a choice per card
 * and a policy for all matches) → progress with Cancel → summary. Nothing is written before
 * "Import"; a cancelled or failed import leaves everything as it was.
 */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  // The Dialog renders its children only while open, so each opening starts a fresh flow.
  return (
    <Dialog open={open} title="Import contacts" size="wide" onClose={onClose}>
      <ImportFlow onClose={onClose} />
    </Dialog>
  );
}

function ImportFlow({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [policy, setPolicy] = useState<ImportPolicy | ''>('');
  const [choices, setChoices] = useState<Record<number, ImportAction>>({});
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const previewing = useRef<string | null>(null);

  useEffect(() => rapport().on('interchange.progress', setProgress), []);
  useEffect(() => {
    previewing.current = step.name === 'preview' ? step.preview.sessionId : null;
  }, [step]);
  // Closing the dialog on a preview (Escape, ×, Cancel) drops that preview in main too.
  useEffect(
    () => () => {
      if (previewing.current) void rapport().interchange.cancel({ sessionId: previewing.current });
    },
    [],
  );

  async function choose(file: File | undefined) {
    if (!file) return;
    setError('');
    setBusy(true);
    const source = await fileSource(file);
    const result = source.ok ? await rapport().interchange.preview({ fileName: file.name, ...source.value }) : source;
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setChoices({});
    setStep({ name: 'preview', preview: result.value });
  }

  async function commit(preview: ImportPreview) {
    setStep({ name: 'writing', preview });
    setProgress(null);
    const result = await rapport().interchange.commit({
      sessionId: preview.sessionId,
      ...(policy ? { policy } : {}),
      choices: Object.entries(choices).map(([index, action]) => ({ index: Number(index), action })),
    });
    if (!result.ok) {
      setError(`${result.error.message} Nothing was changed.`);
      return setStep({ name: 'preview', preview });
    }
    setStep({ name: 'done', summary: result.value });
  }

  const actionFor = (preview: ImportPreview, index: number): ImportAction => {
    const card = preview.cards[index]!;
    return choices[index] ?? (card.status !== 'new' && policy ? policy : card.action);
  };

  return (
    <>
      {error ? (
        <p role="alert" className="inline-alert">
          {error}
        </p>
      ) : null}
      {step.name === 'choose' ? (
        <div className="field">
          <label htmlFor="import-file">vCard (.vcf), LinkedIn Connections.csv or Google Contacts CSV</label>
          <input
            id="import-file"
            type="file"
            accept=".vcf,.vcard,.csv,text/vcard,text/csv"
            disabled={busy}
            onChange={(e) => void choose(e.currentTarget.files?.[0])}
          />
          {busy ? <p role="status">Reading the file…</p> : null}
        </div>
      ) : null}

      {step.name === 'preview' ? (
        <>
          <p role="status">
            {step.preview.fileName}: {step.preview.cards.length} people — {step.preview.counts.new} new,{' '}
            {step.preview.counts.match} matching someone here, {step.preview.counts.conflict} in conflict.
          </p>
          <label className="check">
            For every match and conflict:
            <select
              value={policy}
              onChange={(e) => setPolicy(e.currentTarget.value as ImportPolicy | '')}
              aria-label="Policy for all matches"
            >
              <option value="">Suggested (merge matches, skip conflicts)</option>
              <option value="merge">Merge into the existing person</option>
              <option value="skip">Skip</option>
              <option value="create">Create a new person</option>
            </select>
          </label>
          {step.preview.problems.length ? (
            <details>
              <summary>{step.preview.problems.length} problems in the file</summary>
              <ul className="import-problems">
                {step.preview.problems.map((p, i) => (
                  <li key={i}>
                    {p.file}, line {p.line}: {p.message}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <div className="import-table-scroller">
            <table className="import-table">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Person</th>
                  <th scope="col">Status</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {step.preview.cards.slice(0, SHOWN).map((card) => (
                  <tr key={card.index}>
                    <td>{card.line}</td>
                    <th scope="row">
                      {card.displayName}
                      {card.email || card.organisation ? (
                        <span className="person-meta">
                          {' '}
                          {[card.organisation, card.email].filter(Boolean).join(' · ')}
                        </span>
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
                        value={actionFor(step.preview, card.index)}
                        onChange={(e) =>
                          setChoices({ ...choices, [card.index]: e.currentTarget.value as ImportAction })
                        }
                      >
                        {(card.matches.length
                          ? (['merge', 'create', 'skip'] as const)
                          : (['create', 'skip'] as const)
                        ).map((a) => (
                          <option key={a} value={a}>
                            {ACTION_TEXT[a]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {step.preview.cards.length > SHOWN ? (
              <p className="field-hint">Showing the first {SHOWN}; the others follow the choice above.</p>
            ) : null}
          </div>
          <div className="dialog-footer">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              disabled={step.preview.cards.length === 0}
              onClick={() => void commit(step.preview)}
            >
              Import
            </button>
          </div>
        </>
      ) : null}

      {step.name === 'writing' ? (
        <>
          <label htmlFor="import-progress">
            {progress?.phase === 'undoing' ? 'Undoing…' : 'Importing…'}
            {progress ? ` ${progress.done} of ${progress.total}` : ''}
          </label>
          <progress id="import-progress" max={progress?.total || 1} value={progress?.done ?? 0} />
          <div className="actions">
            <button
              type="button"
              onClick={() => void rapport().interchange.cancel({ sessionId: step.preview.sessionId })}
            >
              Cancel import
            </button>
          </div>
        </>
      ) : null}

      {step.name === 'done' ? (
        <>
          <p role="status">
            {step.summary.cancelled
              ? 'Import cancelled. Nothing was changed.'
              : `Imported: ${step.summary.created} created, ${step.summary.merged} merged, ${step.summary.skipped} skipped${step.summary.interactions ? `, ${step.summary.interactions} LinkedIn connections added to the timeline` : ''}.`}
          </p>
          <div className="dialog-footer">
            <button type="button" className="primary" data-autofocus onClick={onClose}>
              Done
            </button>
          </div>
        </>
      ) : null}
    </>
  );
}

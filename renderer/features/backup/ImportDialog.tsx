import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  ImportAction,
  ImportPolicy,
  ImportPreview,
  ImportProgress,
  ImportSummary,
} from '../../../shared/ipc/channels/interchange.ts';
import { defaultAction, SAFETY_COPY_PEOPLE } from '../../../shared/ipc/channels/interchange.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { CsvMappingStep } from './CsvMappingStep.tsx';
import { formatCount } from '../../ui/counted.ts';
import { fileSource } from './files.ts';
import { ImportPreviewStep } from './ImportPreviewStep.tsx';
import { useCsvMapping } from './useCsvMapping.ts';
import './backup.css';

type Step =
  | { name: 'choose' }
  | { name: 'preview'; preview: ImportPreview }
  | { name: 'writing'; preview: ImportPreview }
  | { name: 'done'; summary: ImportSummary };

/**
 * Import contacts: choose a vCard or CSV file → preview (new / match / conflict, a choice per card
 * and a policy for all matches; for a CSV, where each column goes) → progress with Cancel →
 * summary. Nothing is written before "Import"; a cancelled or failed import leaves everything as
 * it was.
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
  const request = useRequest();
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [policy, setPolicy] = useState<ImportPolicy | ''>('');
  const [choices, setChoices] = useState<Record<number, ImportAction>>({});
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [cancelAsked, setCancelAsked] = useState(false);
  const previewing = useRef<string | null>(null);
  // Reading a CSV again gives new people: choices made for the old list no longer apply.
  const showPreview = useCallback((preview: ImportPreview) => {
    setChoices({});
    setStep({ name: 'preview', preview });
  }, []);
  const columns = useCsvMapping(showPreview);

  useEffect(() => rapport().on('interchange.progress', setProgress), []);
  useEffect(() => {
    previewing.current = step.name === 'preview' ? step.preview.sessionId : null;
  }, [step]);
  // Closing the dialog on a preview (Escape, ×, Cancel) drops that preview in main too.
  // (through a ref, so a new `request` never runs this clean-up while the dialog is open)
  const requestOnClose = useRef(request);
  useEffect(() => {
    requestOnClose.current = request;
  }, [request]);
  useEffect(
    () => () => {
      const sessionId = previewing.current;
      if (sessionId)
        void requestOnClose.current(() => rapport().interchange.cancel({ sessionId }), {
          action: 'close the import preview',
        });
    },
    [],
  );

  async function choose(file: File | undefined) {
    if (!file) return;
    setError('');
    setBusy(true);
    const result = await request(
      async () => {
        const source = await fileSource(file);
        return source.ok ? rapport().interchange.preview({ fileName: file.name, ...source.value }) : source;
      },
      { action: `read ${file.name}`, onError: (e) => setError(e.message) },
    );
    setBusy(false);
    if (!result.ok) return;
    columns.start(result.value);
    showPreview(result.value);
  }

  async function commit(preview: ImportPreview) {
    setError('');
    setCancelAsked(false);
    setStep({ name: 'writing', preview });
    setProgress(null);
    const result = await request(
      () =>
        rapport().interchange.commit({
          sessionId: preview.sessionId,
          ...(policy ? { policy } : {}),
          choices: Object.entries(choices).map(([index, action]) => ({ index: Number(index), action })),
        }),
      { action: `import ${preview.fileName}`, onError: (e) => setError(e.message) },
    );
    setStep(result.ok ? { name: 'done', summary: result.value } : { name: 'preview', preview });
  }

  const actionFor = (preview: ImportPreview, index: number): ImportAction =>
    choices[index] ?? defaultAction(preview.cards[index]!, policy);

  return (
    <>
      {error ? (
        <p role="alert" className="inline-alert">
          {error}
        </p>
      ) : null}
      {step.name === 'choose' ? (
        <div className="field">
          <label htmlFor="import-file">
            vCard (.vcf), LinkedIn Connections.csv, or a Google Contacts, Outlook or Thunderbird CSV
          </label>
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
        <ImportPreviewStep
          preview={step.preview}
          policy={policy}
          onPolicy={setPolicy}
          actionFor={(index) => actionFor(step.preview, index)}
          onAction={(index, action) => setChoices({ ...choices, [index]: action })}
          columns={
            step.preview.csv && columns.draft ? (
              <CsvMappingStep
                csv={step.preview.csv}
                mapping={columns.draft.mapping}
                original={columns.draft.original}
                remember={columns.draft.remember}
                reading={columns.reading}
                error={columns.error}
                onChange={(mapping, remember) => void columns.change(mapping, remember)}
              />
            ) : undefined
          }
          busy={columns.reading}
          onCancel={onClose}
          onImport={() => void commit(step.preview)}
        />
      ) : null}

      {step.name === 'writing' ? (
        <>
          <label htmlFor="import-progress">
            {progress?.phase === 'undoing' ? 'Undoing…' : 'Importing…'}
            {progress ? ` ${formatCount(progress.done)} of ${formatCount(progress.total)}` : ''}
          </label>
          <progress id="import-progress" max={progress?.total || 1} value={progress?.done ?? 0} />
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                // Said at the end when the import had finished before the cancel reached it.
                setCancelAsked(true);
                void request(() => rapport().interchange.cancel({ sessionId: step.preview.sessionId }), {
                  action: 'cancel the import',
                });
              }}
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
              : `${cancelAsked ? 'It had finished before it could stop. ' : ''}Imported: ${formatCount(step.summary.created)} created, ${formatCount(step.summary.merged)} merged, ${formatCount(step.summary.skipped)} skipped${step.summary.interactions ? `, ${formatCount(step.summary.interactions)} LinkedIn connections added to the timeline` : ''}.`}
          </p>
          {cancelAsked && !step.summary.cancelled ? (
            <p className="field-hint">
              {step.summary.created + step.summary.merged >= SAFETY_COPY_PEOPLE
                ? 'To go back, put back the safety copy taken before it: Settings → Backups → Safety copies.'
                : 'To go back, delete the people it added on the People screen (each delete can be undone).'}
            </p>
          ) : null}
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

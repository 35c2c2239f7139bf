import { useEffect, useState } from 'react';
import { mergeContacts, type MergeChoices } from '../../../shared/domain/duplicates/match.ts';
import type { Contact, ContactFields } from '../../../shared/domain/contact.ts';
import type { RequestOutput } from '../../../shared/ipc/contract.ts';
import { rapport } from '../../api/rapport.ts';
import { Dialog } from '../../ui/Dialog.tsx';

type Candidate = RequestOutput<'contacts.duplicates'>[number];
const fieldsOf = ({ id: _i, createdAt: _c, updatedAt: _u, ...fields }: Contact): ContactFields => fields;
const show = (v: unknown) =>
  v === undefined || v === null || (Array.isArray(v) && !v.length)
    ? '—'
    : typeof v === 'object'
      ? JSON.stringify(v)
      : String(v);

/** Suggested duplicates (same email, phone or a similar name), merged field by field with a preview. */
export function DuplicatesDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [pair, setPair] = useState<[Contact, Contact] | null>(null);
  const [choices, setChoices] = useState<MergeChoices>({});
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (!open) return;
    void rapport()
      .contacts.duplicates({})
      .then((r) => setCandidates(r.ok ? r.value : []));
  }, [open]);

  async function review(c: Candidate) {
    const [a, b] = await Promise.all([rapport().contacts.get({ id: c.a.id }), rapport().contacts.get({ id: c.b.id })]);
    if (a.ok && b.ok) {
      setChoices({});
      setPair([a.value, b.value]);
    }
  }
  const preview = pair ? mergeContacts(fieldsOf(pair[0]), fieldsOf(pair[1]), choices) : null;

  async function merge() {
    if (!pair || !preview) return;
    const result = await rapport().contacts.merge({
      primaryId: pair[0].id,
      secondaryId: pair[1].id,
      fields: preview.merged,
    });
    setMessage(result.ok ? `Merged into ${result.value.displayName}.` : result.error.message);
    setPair(null);
    setCandidates((list) => list?.filter((c) => c.a.id !== pair[1].id && c.b.id !== pair[1].id) ?? null);
  }

  return (
    <Dialog open={open} title="Possible duplicates" wide onClose={onClose}>
      <p role="status">{message}</p>
      {!pair ? (
        candidates === null ? (
          <p>Looking…</p>
        ) : candidates.length === 0 ? (
          <p className="empty">No likely duplicates: no shared emails, phones or near-identical names.</p>
        ) : (
          <ul className="duplicate-list">
            {candidates.map((c) => (
              <li key={`${c.a.id}-${c.b.id}`}>
                {c.a.displayName} and {c.b.displayName}{' '}
                <span className="person-meta">(same {c.reasons.join(', ')})</span>{' '}
                <button type="button" onClick={() => void review(c)}>
                  Review
                </button>
              </li>
            ))}
          </ul>
        )
      ) : (
        <>
          <table className="merge-table">
            <caption>Choose what to keep. Lists are combined; notes are joined.</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">{pair[0].displayName}</th>
                <th scope="col">{pair[1].displayName}</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {preview!.rows.map((row) => (
                <tr key={row.field}>
                  <th scope="row">{row.field}</th>
                  {(['primary', 'secondary'] as const).map((side) => (
                    <td key={side}>
                      <label>
                        <input
                          type="radio"
                          name={`merge-${row.field}`}
                          checked={row.chosen === side}
                          onChange={() => setChoices({ ...choices, [row.field]: side })}
                        />{' '}
                        {show(row[side])}
                      </label>
                    </td>
                  ))}
                  <td>{show(row.merged)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" onClick={() => setPair(null)}>
              Back
            </button>
            <button type="button" className="primary" onClick={() => void merge()}>
              Merge into {pair[0].displayName}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

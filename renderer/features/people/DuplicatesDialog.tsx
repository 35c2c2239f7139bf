import { useEffect, useState } from 'react';
import type { Contact, ContactFields } from '../../../shared/domain/contact.ts';
import { mergeContacts, type MergeChoices } from '../../../shared/domain/duplicates/match.ts';
import type { RequestOutput } from '../../../shared/ipc/contract.ts';
import type { RapportError } from '../../../shared/ipc/result.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { FIELD_LABELS, FieldValue } from './merge-values.tsx';
import { forgetTypedAbout } from '../person/forget-typed.ts';

type Candidate = RequestOutput<'contacts.duplicates'>[number];
const fieldsOf = ({ id: _i, createdAt: _c, updatedAt: _u, ...fields }: Contact): ContactFields => fields;
const REASON = { email: 'the same email', phone: 'the same phone', name: 'a very similar name' } as const;

/**
 * Suggested duplicates (same email, phone or a near-identical name). Review shows both people
 * side by side, field by field, to choose what to keep; "Not the same person" is remembered.
 */
export function DuplicatesDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Possible duplicates" size="wide" onClose={onClose}>
      <Duplicates />
    </Dialog>
  );
}

function Duplicates() {
  const request = useRequest();
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [error, setError] = useState<RapportError | null>(null);
  const [pair, setPair] = useState<[Contact, Contact] | null>(null);
  const [choices, setChoices] = useState<MergeChoices>({});

  const load = () =>
    void request(() => rapport().contacts.duplicates({}), { action: 'look for duplicates', onError: setError }).then(
      (r) => r.ok && setCandidates(r.value),
    );
  useEffect(load, [request]);

  const drop = (a: string, b: string) =>
    setCandidates(
      (list) => list?.filter((c) => !(c.a.id === a && c.b.id === b) && c.a.id !== b && c.b.id !== b) ?? null,
    );

  async function review(c: Candidate) {
    const [a, b] = await Promise.all([
      request(() => rapport().contacts.get({ id: c.a.id }), { action: `open ${c.a.displayName}` }),
      request(() => rapport().contacts.get({ id: c.b.id }), { action: `open ${c.b.displayName}` }),
    ]);
    if (a.ok && b.ok) {
      setChoices({});
      setPair([a.value, b.value]);
    }
  }
  const preview = pair ? mergeContacts(fieldsOf(pair[0]), fieldsOf(pair[1]), choices) : null;

  function merge() {
    if (!pair || !preview) return;
    const [primary, secondary] = pair;
    void request(
      () => rapport().contacts.merge({ primaryId: primary.id, secondaryId: secondary.id, fields: preview.merged }),
      {
        action: `merge ${secondary.displayName} into ${primary.displayName}`,
        success: (merged) => ({ title: `Merged into ${merged.displayName}` }),
      },
    ).then((r) => {
      if (!r.ok) return;
      // The person merged away is gone: nothing typed about them stays in localStorage.
      forgetTypedAbout([secondary.id], primary.id);
      setPair(null);
      drop(primary.id, secondary.id);
    });
  }
  function notDuplicate(c: { a: { id: string; displayName: string }; b: { id: string; displayName: string } }) {
    void request(() => rapport().contacts.dismissDuplicate({ ids: [c.a.id, c.b.id] }), {
      action: 'remember that they are different people',
      success: () => ({ title: `${c.a.displayName} and ${c.b.displayName} will not be suggested again` }),
    }).then((r) => {
      if (!r.ok) return;
      setPair(null);
      setCandidates((list) => list?.filter((x) => !(x.a.id === c.a.id && x.b.id === c.b.id)) ?? null);
    });
  }

  if (error)
    return (
      <p className="inline-alert" role="alert">
        Could not look for duplicates: {error.message}{' '}
        <button
          type="button"
          className="small"
          onClick={() => {
            setError(null);
            load();
          }}
        >
          Retry
        </button>
      </p>
    );
  if (!pair) {
    if (candidates === null) return <p className="muted">Looking…</p>;
    if (!candidates.length)
      return <p className="empty">No likely duplicates: no shared emails, phones or near-identical names.</p>;
    return (
      <ul className="plain duplicate-list">
        {candidates.map((c) => (
          <li key={`${c.a.id}-${c.b.id}`}>
            <Avatar name={c.a.displayName} />
            <Avatar name={c.b.displayName} />
            <span className="pair">
              <strong>{c.a.displayName}</strong> and <strong>{c.b.displayName}</strong>
              <span className="muted small"> · {c.reasons.map((r) => REASON[r]).join(', ')}</span>
            </span>
            <button type="button" className="ghost small" onClick={() => notDuplicate(c)}>
              Not the same person
            </button>
            <button type="button" className="small" onClick={() => void review(c)}>
              Review
            </button>
          </li>
        ))}
      </ul>
    );
  }
  const [a, b] = pair;
  return (
    <div className="stack">
      <p className="muted">
        Choose what to keep for each field. Lists (emails, phones, tags) are combined; notes are joined.
      </p>
      <div className="merge-grid" role="group" aria-label="Merge fields">
        <span className="merge-head">Field</span>
        {[a, b].map((p) => (
          <span key={p.id} className="merge-head">
            <Avatar name={p.displayName} photo={p.photo} size="sm" /> {p.displayName}
          </span>
        ))}
        {preview!.rows.map((row) => (
          <MergeRowView key={row.field} row={row} onChoose={(side) => setChoices({ ...choices, [row.field]: side })} />
        ))}
      </div>
      <div className="dialog-footer">
        <button type="button" onClick={() => setPair(null)}>
          Back
        </button>
        <button type="button" onClick={() => notDuplicate({ a, b })}>
          Not the same person
        </button>
        <button type="button" className="primary" onClick={merge}>
          Merge into {a.displayName}
        </button>
      </div>
    </div>
  );
}

function MergeRowView({
  row,
  onChoose,
}: {
  row: ReturnType<typeof mergeContacts>['rows'][number];
  onChoose: (side: 'primary' | 'secondary') => void;
}) {
  const name = `merge-${row.field}`;
  return (
    <>
      <span className="merge-field" id={name}>
        {FIELD_LABELS[row.field]}
      </span>
      {(['primary', 'secondary'] as const).map((side) => (
        <label
          key={side}
          className={row.chosen === side || row.chosen === 'both' ? 'merge-choice chosen' : 'merge-choice'}
        >
          <input
            type="radio"
            name={name}
            // Named by the field and the value itself: a label holding a list gives no name of its own.
            aria-labelledby={`${name} ${name}-${side}`}
            checked={row.chosen === side}
            onChange={() => onChoose(side)}
          />
          <span id={`${name}-${side}`}>
            <FieldValue field={row.field} value={row[side]} />
          </span>
        </label>
      ))}
    </>
  );
}

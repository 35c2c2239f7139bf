import type { SyncConflict } from '../../../shared/domain/sync/conflict-record.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { formatInstant } from '../../ui/dates.ts';

const FIELD_LABELS: Record<string, string> = {
  displayName: 'Name',
  organisation: 'Organisation',
  title: 'Job title',
  notes: 'Notes',
  emails: 'Email',
  phones: 'Phone',
  addresses: 'Address',
  social: 'Profile',
  tags: 'Tags',
  birthday: 'Birthday',
  lookingFor: 'Looking for',
  canHelpWith: 'Can help with',
  howWeMet: 'How we met',
};

/** A set-aside value in words: text as it is, list entries by their value. */
export function setAsideText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(setAsideText).join(', ');
  if (value && typeof value === 'object') {
    const { value: inner, label } = value as { value?: unknown; label?: unknown };
    if (inner !== undefined) return `${setAsideText(inner)}${typeof label === 'string' ? ` (${label})` : ''}`;
    return Object.values(value)
      .filter((v) => typeof v === 'string')
      .join(', ');
  }
  return value === undefined || value === null ? '' : String(value);
}

/**
 * "Changed on two devices": when both devices changed the same field, the newest edit is shown
 * and the other was set aside. Each can be put back or let go; nothing is dropped unasked.
 */
export function SetAsideValues({ contactId, values }: { contactId: string; values: readonly SyncConflict[] }) {
  const request = useRequest();
  if (!values.length) return null;
  const settle = (conflict: SyncConflict, choice: 'use' | 'dismiss') =>
    request(() => rapport().contacts.settleSetAside({ id: contactId, conflictId: conflict.id, choice }), {
      action: choice === 'use' ? 'use the set-aside value' : 'keep the current value',
      success: () => ({ title: choice === 'use' ? 'Used the value from the other device' : 'Kept the current value' }),
    });
  return (
    <section className="card set-aside" aria-labelledby="set-aside-title">
      <h2 id="set-aside-title">Changed on two devices</h2>
      <p className="card-intro">
        These fields were changed on two devices before they synced. The newest change is what this page shows; the
        other is kept here until you choose.
      </p>
      <ul className="set-aside-list">
        {values.map((conflict) => {
          const label = FIELD_LABELS[conflict.field] ?? conflict.field;
          return (
            <li key={conflict.id}>
              <p>
                <strong>{label}</strong>, typed {formatInstant(conflict.editedAt)}:{' '}
                <q>{setAsideText(conflict.value) || '(empty)'}</q>
              </p>
              <div className="actions">
                <button type="button" onClick={() => void settle(conflict, 'use')} aria-label={`Use this ${label}`}>
                  Use this
                </button>
                <button
                  type="button"
                  onClick={() => void settle(conflict, 'dismiss')}
                  aria-label={`Keep the current ${label}`}
                >
                  Keep current
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

import type { SyncConflict } from '../../../shared/domain/sync/conflict-record.ts';
import './set-aside.css';
import { formatInstant } from '../../ui/dates.ts';

/** What each kind of record calls its fields, for the values a sync merge set aside. */
export const SET_ASIDE_LABELS = {
  person: {
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
  },
  interaction: {
    type: 'Kind',
    date: 'Date',
    time: 'Time',
    title: 'Title',
    notes: 'Notes',
    initiatedBy: 'Who reached out',
    gave: 'Gave',
    asked: 'Asked',
    mutual: 'Two-way',
  },
  detail: {
    text: 'Text',
    followUpOn: 'Follow-up day',
    sensitivity: 'Sensitivity',
    status: 'Status',
  },
  event: {
    kind: 'Kind',
    name: 'Name',
    startsOn: 'First day',
    endsOn: 'Last day',
    startTime: 'Start time',
    endTime: 'End time',
    place: 'Place',
    link: 'Link',
    notes: 'Notes',
    goal: 'Goal',
    introduction: 'Your introduction',
  },
  ladder: { name: 'Name', steps: 'Step' },
  session: {
    date: 'Date',
    task: 'What you did',
    situation: 'Situation',
    sudsBefore: 'Anxiety before',
    prediction: 'Prediction',
    beliefBefore: 'Belief before',
    after: 'Afterwards',
  },
  starter: { text: 'Text', situation: 'Situation', channel: 'Channel', tone: 'Tone' },
} satisfies Record<string, Record<string, string>>;

/** A set-aside value in words: text as it is, list entries by their value. */
export function setAsideText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(setAsideText).join(', ');
  if (value && typeof value === 'object') {
    const { value: inner, label, text } = value as { value?: unknown; label?: unknown; text?: unknown };
    if (inner !== undefined) return `${setAsideText(inner)}${typeof label === 'string' ? ` (${label})` : ''}`;
    // A ladder step: its words, not its id.
    if (typeof text === 'string') return text;
    return Object.values(value)
      .filter((v) => typeof v === 'string')
      .join(', ');
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return value === undefined || value === null ? '' : String(value);
}

/**
 * The values set aside on one record, each with "Use this" and "Keep current". `of` names the
 * record in the buttons' accessible names when a page shows more than one record's values.
 */
export function SetAsideList({
  values,
  labels,
  of,
  settle,
}: {
  values: readonly SyncConflict[];
  labels: Record<string, string>;
  of?: string;
  settle: (conflict: SyncConflict, choice: 'use' | 'dismiss') => void;
}) {
  return (
    <ul className="set-aside-list">
      {values.map((conflict) => {
        const label = labels[conflict.field] ?? conflict.field;
        const named = of ? `${label} of ${of}` : label;
        return (
          <li key={conflict.id}>
            <p>
              <strong>{label}</strong>, typed {formatInstant(conflict.editedAt)}:{' '}
              <q>{setAsideText(conflict.value) || '(empty)'}</q>
            </p>
            <div className="actions">
              <button type="button" onClick={() => settle(conflict, 'use')} aria-label={`Use this ${named}`}>
                Use this
              </button>
              <button
                type="button"
                onClick={() => settle(conflict, 'dismiss')}
                aria-label={`Keep the current ${named}`}
              >
                Keep current
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** What a settle request says in its toast. */
export const settleWords = (choice: 'use' | 'dismiss') => ({
  action: choice === 'use' ? 'use the set-aside value' : 'keep the current value',
  success: () => ({ title: choice === 'use' ? 'Used the value from the other device' : 'Kept the current value' }),
});

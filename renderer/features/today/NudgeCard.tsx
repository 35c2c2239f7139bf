import { useState } from 'react';
import type { NudgeView } from '../../../shared/domain/reminders/views.ts';
import { rapport } from '../../api/rapport.ts';
import { openPerson } from '../../navigation/useScreen.ts';

const OUTCOME: Record<NonNullable<NudgeView['outcome']>, string> = {
  done: 'Done for today. Nice one.',
  tonight: 'We will remind you this evening.',
  skipped: 'Skipped for today. Tomorrow is another chance.',
};

/** "Just do it": one person a day, a message already drafted, and three ways to answer. */
export function NudgeCard({ nudge }: { nudge: NudgeView | null }) {
  const [status, setStatus] = useState('');
  if (!nudge) return null;
  const text = nudge.lines.join('\n');
  const run = (call: Promise<{ ok: boolean; error?: { message: string } }>) =>
    void call.then((r) => setStatus(r.ok ? '' : (r.error?.message ?? 'That did not work.')));

  return (
    <section className="card nudge" aria-labelledby="nudge-title">
      <h2 id="nudge-title">
        Just do it:{' '}
        <a
          href={`#/people/${encodeURIComponent(nudge.personId)}`}
          onClick={(e) => {
            e.preventDefault();
            openPerson(nudge.personId);
          }}
        >
          {nudge.displayName}
        </a>
      </h2>
      <p className="field-hint">{nudge.step}</p>
      <blockquote className="draft" aria-label="Drafted message">
        <p>{nudge.lines[0]}</p>
        <p>{nudge.lines[1]}</p>
      </blockquote>
      {nudge.outcome ? (
        <p role="status">{OUTCOME[nudge.outcome]}</p>
      ) : (
        <div className="row">
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard?.writeText(text).then(
                () => setStatus('Copied.'),
                () => setStatus('Could not copy.'),
              )
            }
          >
            Copy message
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => run(rapport().reminders.done({ personId: nudge.personId }))}
          >
            Done
          </button>
          <button type="button" onClick={() => run(rapport().reminders.nudge({ action: 'tonight' }))}>
            Tonight
          </button>
          <button type="button" onClick={() => run(rapport().reminders.nudge({ action: 'skip' }))}>
            Skip
          </button>
        </div>
      )}
      <p role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}

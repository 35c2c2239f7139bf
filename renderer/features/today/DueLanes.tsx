import { useState } from 'react';
import type { TodayItem, TodayView } from '../../../shared/domain/reminders/views.ts';
import { rapport } from '../../api/rapport.ts';
import { openPerson } from '../../navigation/useScreen.ts';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { useQuickLog } from '../log/QuickLog.tsx';
import { reasonText } from './reasons.ts';

type Act = (label: string, run: () => Promise<{ ok: boolean; error?: { message: string } }>) => void;

function Row({ item, act, actionable }: { item: TodayItem; act: Act; actionable: boolean }) {
  const openLog = useQuickLog();
  const name = item.displayName;
  const reasons = item.reasons.filter((r) => r.kind !== 'overdue' && r.kind !== 'due');
  return (
    <li>
      <a
        href={`#/people/${encodeURIComponent(item.id)}`}
        onClick={(e) => {
          e.preventDefault();
          openPerson(item.id);
        }}
      >
        {name}
      </a>
      {item.status.state !== 'untracked' ? <StatusBadge status={item.status} /> : null}
      {reasons.length ? <span className="reasons">{reasons.map(reasonText).join(' · ')}</span> : null}
      <span className="row-actions">
        {actionable ? (
          <button
            type="button"
            className="primary"
            onClick={() => act(`Logged a message with ${name}.`, () => rapport().reminders.done({ personId: item.id }))}
            aria-label={`Done: I got in touch with ${name}`}
          >
            Done
          </button>
        ) : null}
        <button type="button" onClick={() => openLog([item.id])} aria-label={`Log an interaction with ${name}`}>
          Log
        </button>
        {actionable ? (
          <details className="later">
            <summary aria-label={`Later for ${name}`}>Later</summary>
            <button
              type="button"
              onClick={() =>
                act(`${name} snoozed for a day.`, () => rapport().reminders.snooze({ personId: item.id, days: 1 }))
              }
            >
              Snooze 1 day
            </button>
            <button
              type="button"
              onClick={() =>
                act(`${name} snoozed for a week.`, () => rapport().reminders.snooze({ personId: item.id, days: 7 }))
              }
            >
              Snooze 1 week
            </button>
            <button
              type="button"
              onClick={() => act(`Skipped ${name} this cycle.`, () => rapport().reminders.skip({ personId: item.id }))}
            >
              Skip this cycle
            </button>
          </details>
        ) : null}
      </span>
    </li>
  );
}

function Lane({
  title,
  items,
  empty,
  act,
  actionable,
}: {
  title: string;
  items: TodayItem[];
  empty: string;
  act: Act;
  actionable: boolean;
}) {
  return (
    <section className="lane card" aria-label={`${title} (${items.length})`}>
      <h2>
        {title} <span className="count">{items.length}</span>
      </h2>
      {items.length ? (
        <ul>
          {items.map((p) => (
            <Row key={p.id} item={p} act={act} actionable={actionable} />
          ))}
        </ul>
      ) : (
        <p className="empty">{empty}</p>
      )}
    </section>
  );
}

/**
 * Who to get in touch with: past their maximum gap, due now (rhythm, follow-ups, birthdays),
 * and coming up this week. Done logs a message today; Later snoozes or skips this cycle.
 */
export function DueLanes({ view }: { view: TodayView }) {
  const [message, setMessage] = useState('');
  const act: Act = (label, run) => {
    void run().then((r) => setMessage(r.ok ? label : (r.error?.message ?? 'That did not work.')));
  };
  return (
    <>
      <div className="lanes">
        <Lane title="Overdue" items={view.overdue} empty="Nobody is past their longest gap." act={act} actionable />
        <Lane title="Due today" items={view.due} empty="Nobody is due right now." act={act} actionable />
        <Lane
          title="This week"
          items={view.thisWeek}
          empty="Nobody comes due in the next seven days."
          act={act}
          actionable={false}
        />
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
    </>
  );
}

import type { DueItem, DueLanesView } from '../../../shared/domain/views.ts';
import { rapport } from '../../api/rapport.ts';
import { useLive } from '../../api/useLive.ts';
import { openPerson } from '../../navigation/useScreen.ts';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { useQuickLog } from '../log/QuickLog.tsx';

function Lane({ title, items, empty }: { title: string; items: DueItem[]; empty: string }) {
  const openLog = useQuickLog();
  return (
    <section className="lane card" aria-label={`${title} (${items.length})`}>
      <h2>{title} <span className="count">{items.length}</span></h2>
      {items.length ? (
        <ul>
          {items.map((p) => (
            <li key={p.id}>
              <a href={`#/people/${encodeURIComponent(p.id)}`} onClick={(e) => { e.preventDefault(); openPerson(p.id); }}>{p.displayName}</a>
              <StatusBadge status={p.status} />
              <button type="button" onClick={() => openLog([p.id])} aria-label={`Log an interaction with ${p.displayName}`}>Log</button>
            </li>
          ))}
        </ul>
      ) : <p className="empty">{empty}</p>}
    </section>
  );
}

/** Who to get in touch with: past their maximum gap, due now, and coming up this week. */
export function DueLanes() {
  const lanes = useLive<DueLanesView>((onResult) => rapport().due.watch({}, onResult), 'due');
  if (lanes.status === 'loading') return <p role="status">Loading…</p>;
  if (lanes.status === 'error') return <p role="alert" className="field-error">{lanes.error.message}</p>;
  const { overdue, due, thisWeek } = lanes.data;
  return (
    <div className="lanes">
      <Lane title="Overdue" items={overdue} empty="Nobody is past their longest gap." />
      <Lane title="Due today" items={due} empty="Nobody is due right now." />
      <Lane title="This week" items={thisWeek} empty="Nobody comes due in the next seven days." />
    </div>
  );
}

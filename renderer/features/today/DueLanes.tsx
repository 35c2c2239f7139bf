import { PenLine } from 'lucide-react';
import { useState } from 'react';
import type { TodayItem, TodayView } from '../../../shared/domain/reminders/views.ts';
import { openPerson } from '../../navigation/useScreen.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { useQuickLog } from '../log/QuickLog.tsx';
import { useFocusStaysInList } from '../../ui/useFocusStaysInList.ts';
import { DoneButton } from './DoneButton.tsx';
import { LaterMenu } from './LaterMenu.tsx';
import { rowReasons } from './reasons.ts';
import { formatCount } from '../../ui/counted.ts';

function Row({ item, actionable, today }: { item: TodayItem; actionable: boolean; today: string }) {
  const { openLog } = useQuickLog();
  const name = item.displayName;
  const reasons = rowReasons(item, today);
  return (
    <li className="due-row">
      <Avatar name={name} />
      <div className="due-text">
        <a
          href={`#/people/${encodeURIComponent(item.id)}`}
          onClick={(e) => {
            e.preventDefault();
            openPerson(item.id);
          }}
        >
          {name}
        </a>
        <span className={reasons.tone ? `due-reason status-${reasons.tone}` : 'due-reason'} title={reasons.text}>
          {reasons.text}
        </span>
      </div>
      <span className="row-actions">
        {actionable ? <DoneButton personId={item.id} name={name} compact /> : null}
        <button
          type="button"
          className="ghost small"
          onClick={() => openLog([item.id])}
          aria-label={`Log an interaction with ${name}`}
        >
          <PenLine size={14} aria-hidden /> Log
        </button>
        {actionable ? <LaterMenu personId={item.id} name={name} /> : null}
      </span>
    </li>
  );
}

/** Rows shown before "Show all": a long overdue list should not push the rest of Today away. */
const FIRST_ROWS = 6;

function Lane({
  title,
  items,
  total,
  empty,
  actionable,
  today,
}: {
  title: string;
  today: string;
  /** The lane's first rows (the core sends at most TODAY_LIST_LIMIT). */
  items: TodayItem[];
  total: number;
  empty: string;
  actionable: boolean;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, FIRST_ROWS);
  const focusStays = useFocusStaysInList();
  return (
    <section className="lane card" aria-label={`${title} (${total})`}>
      <h2 className="section-title">
        {title} <span className="count">{formatCount(total)}</span>
      </h2>
      {items.length ? (
        <ul className="plain due-list" {...focusStays}>
          {shown.map((p) => (
            <Row key={p.id} item={p} actionable={actionable} today={today} />
          ))}
        </ul>
      ) : null}
      {all && total > items.length ? (
        <p className="muted small list-rest">
          The first {formatCount(items.length)} of {formatCount(total)}. The People list filters by status to show
          everyone.
        </p>
      ) : null}
      {items.length > FIRST_ROWS ? (
        <button type="button" className="ghost small show-all" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : total > items.length ? `Show the first ${items.length}` : `Show all ${items.length}`}
        </button>
      ) : null}
      {items.length ? null : <p className="empty">{empty}</p>}
    </section>
  );
}

/** Today's lanes, in the order they show. */
const LANES = [
  { title: 'Overdue', list: 'overdue', empty: 'Nobody is past their longest gap.', actionable: true },
  { title: 'Due now', list: 'due', empty: 'Nobody is due right now.', actionable: true },
  { title: 'This week', list: 'thisWeek', empty: 'Nobody comes up in the next seven days.', actionable: false },
] as const;

/**
 * Who to get in touch with: past their maximum gap, due now (rhythm, follow-ups, birthdays),
 * and coming up this week. Done asks how and logs it today; Later snoozes or skips this cycle.
 */
export function DueLanes({ view }: { view: TodayView }) {
  return (
    <div className="lanes">
      {LANES.map((lane) => (
        <Lane
          key={lane.list}
          title={lane.title}
          today={view.today}
          items={view[lane.list]}
          total={view.totals[lane.list]}
          empty={lane.empty}
          actionable={lane.actionable}
        />
      ))}
    </div>
  );
}

import type { KeepInTouchStatusView } from '../../shared/domain/views.ts';
import { formatDate } from './dates.ts';

/** Keep-in-touch state in words, never by colour alone. */
export function statusText(status: KeepInTouchStatusView): string {
  switch (status.state) {
    case 'untracked':
      return 'No rhythm';
    case 'on-track':
      return `On track · next by ${formatDate(status.dueOn)}`;
    case 'due':
      return `Due since ${formatDate(status.dueOn)}`;
    case 'overdue':
      return `Overdue since ${formatDate(status.overdueOn)}`;
  }
}

/** The status, or "Snoozed until …" while a snooze hides the person from reminders. */
export function StatusBadge({
  status,
  snoozedUntil,
}: {
  status: KeepInTouchStatusView;
  snoozedUntil?: string | undefined;
}) {
  if (snoozedUntil && status.state !== 'on-track' && status.state !== 'untracked')
    return (
      <span className="status status-snoozed">
        Snoozed until {formatDate(snoozedUntil)} · {statusText(status).toLocaleLowerCase()}
      </span>
    );
  return <span className={`status status-${status.state}`}>{statusText(status)}</span>;
}

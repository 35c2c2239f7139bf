import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import type { KeepInTouchStatusView } from '../../shared/domain/views.ts';

const day = (iso: string) => format(parseISO(iso), 'd MMM yyyy');

/** Keep-in-touch state in words, never by colour alone. */
export function statusText(status: KeepInTouchStatusView): string {
  switch (status.state) {
    case 'untracked':
      return 'No keep-in-touch rhythm';
    case 'on-track':
      return `On track · next by ${day(status.dueOn)}`;
    case 'due':
      return `Due since ${day(status.dueOn)}`;
    case 'overdue':
      return `Overdue since ${day(status.overdueOn)}`;
  }
}

export function StatusBadge({ status }: { status: KeepInTouchStatusView }) {
  return <span className={`status status-${status.state}`}>{statusText(status)}</span>;
}

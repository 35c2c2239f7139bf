import type { DueReasonView } from '../../../shared/domain/reminders/views.ts';
import { formatDateShort } from '../../ui/dates.ts';

/** Why someone is on the list, in a few words (never by colour alone). */
export function reasonText(reason: DueReasonView): string {
  switch (reason.kind) {
    case 'overdue':
      return `Overdue since ${formatDateShort(reason.status.overdueOn)}`;
    case 'due':
      return `Due since ${formatDateShort(reason.status.dueOn)}`;
    case 'event-follow-up':
      return `Follow up: met at a ${reason.eventType} on ${formatDateShort(reason.metOn)}`;
    case 'birthday':
      return reason.turning !== undefined ? `Birthday today (${reason.turning})` : 'Birthday today';
    case 'follow-up':
      return reason.text ? `Ask about: ${reason.text}` : `A follow-up from ${formatDateShort(reason.followUpOn)}`;
  }
}

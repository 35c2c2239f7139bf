import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import type { DueReasonView } from '../../../shared/domain/reminders/views.ts';

const day = (iso: string) => format(parseISO(iso), 'd MMM');

/** Why someone is on the list, in a few words (never by colour alone). */
export function reasonText(reason: DueReasonView): string {
  switch (reason.kind) {
    case 'overdue':
      return `Overdue since ${day(reason.status.overdueOn)}`;
    case 'due':
      return `Due since ${day(reason.status.dueOn)}`;
    case 'event-follow-up':
      return `Follow up: met at a ${reason.eventType} on ${day(reason.metOn)}`;
    case 'birthday':
      return reason.turning !== undefined ? `Birthday today (${reason.turning})` : 'Birthday today';
    case 'follow-up':
      return reason.text ? `Ask about: ${reason.text}` : `A follow-up from ${day(reason.followUpOn)}`;
  }
}

import type { DueReasonView, TodayItem } from '../../../shared/domain/reminders/views.ts';
import { formatISO } from 'date-fns/formatISO';
import { formatDateShort } from '../../ui/dates.ts';
import { statusText } from '../../ui/StatusBadge.tsx';

/** Why someone is on the list, in a few words (never by colour alone); `today` is Today's day. */
export function reasonText(reason: DueReasonView, today?: string): string {
  switch (reason.kind) {
    case 'overdue':
      return `Overdue since ${formatDateShort(reason.status.overdueOn)}`;
    case 'due':
      return `Due since ${formatDateShort(reason.status.dueOn)}`;
    case 'event-follow-up': {
      // Still to come (This week) it says by when; past the 48 hours it asked for, since when: late, not new.
      const due = formatISO(new Date(reason.dueAt), { representation: 'date' });
      const met = `met at a ${reason.eventType} on ${formatDateShort(reason.metOn, today)}`;
      if (today && due > today) return `Follow up by ${formatDateShort(due, today)}: ${met}`;
      if (due === today) return `Follow up today: ${met}`;
      const late = today && due < today ? `, due since ${formatDateShort(due, today)}` : '';
      return `Follow up: ${met}${late}`;
    }
    case 'birthday':
      return reason.turning !== undefined ? `Birthday today (${reason.turning})` : 'Birthday today';
    case 'follow-up':
      // Still to come (This week): the day says when.
      if (today && reason.followUpOn > today) {
        const on = formatDateShort(reason.followUpOn, today);
        return reason.text ? `Ask about on ${on}: ${reason.text}` : `A follow-up on ${on}`;
      }
      return reason.text ? `Ask about: ${reason.text}` : `A follow-up from ${formatDateShort(reason.followUpOn)}`;
    case 'snoozed':
      return `Back on ${formatDateShort(reason.until, today)} (snoozed)`;
  }
}

/**
 * What a Today row says under the name: what put them on Today first ("Ask about: …", a
 * birthday), then their rhythm when it is a reason too (due, overdue). A rhythm still on track is
 * left out of a row that is there for something else: "On track" in "Due now" read as a
 * contradiction. A row with no other reason ("This week") is there for its rhythm, and says so.
 * `tone` is the rhythm's state when it is said, for the row's colour; otherwise none.
 */
export function rowReasons(
  item: TodayItem,
  today?: string,
): { text: string; tone: 'due' | 'overdue' | 'on-track' | null } {
  const others = item.reasons.filter((r) => r.kind !== 'overdue' && r.kind !== 'due').map((r) => reasonText(r, today));
  const { status } = item;
  const rhythm = status.state === 'untracked' || (status.state === 'on-track' && others.length) ? null : status;
  return {
    text: [...others, ...(rhythm ? [statusText(rhythm)] : [])].join(' · '),
    tone: rhythm ? rhythm.state : null,
  };
}

import { addCalendarDays } from '../keep-in-touch/days.ts';
import type { DuePerson, DueReason, Schedule } from './schedule.ts';
import { afterQuietHours, type NudgeState, type ReminderSettings } from './settings.ts';
import { dayIn, instantAt, parseTime } from './zoned.ts';

/**
 * Which notifications are due now, and when the next one is. Pure; the service sends them and
 * records their keys so a restart never repeats one.
 *
 * Privacy: notifications carry names and counts only. No detail text of any sensitivity is
 * ever put in one, so nothing private or sensitive can show on a lock screen.
 */

/** What to show; mirrors the core's Notifier port without depending on main/. */
export interface NotificationText {
  title: string;
  body: string;
  tag: string;
  open: { screen: 'today' | 'people'; personId?: string };
}

export interface PlannedNotification {
  /** Unique per notification; stored once sent. */
  key: string;
  at: Date;
  notification: NotificationText;
}

export interface PlanInput {
  schedule: Schedule;
  now: Date;
  timeZone: string;
  settings: ReminderSettings;
  /** Keys already sent. */
  sent: ReadonlySet<string>;
  nudge: NudgeState;
  /** Display name of the nudge's person, for the "tonight" reminder. */
  nudgeName?: string | undefined;
}

/** A late "tonight" reminder (the computer was asleep) is still useful for this long. */
export const TONIGHT_GRACE_HOURS = 6;

const HOUR = 3_600_000;

/**
 * - **Digest**: at `digestTime` each day, moved past quiet hours, when anyone is due. Missed
 *   (asleep, app closed) it is sent on waking the same day, never on a later day.
 * - **Event follow-ups**: each at its due instant (moved past quiet hours), once.
 * - **Tonight**: the nudge's evening reminder, once.
 * Nothing is sent with notifications switched off; the next moment is still reported so the
 * service can sleep until then.
 */
export function planNotifications(input: PlanInput): { now: PlannedNotification[]; nextAt: Date | null } {
  const { schedule: sched, now, timeZone: zone, settings, sent } = input;
  const ready: PlannedNotification[] = [];
  let nextAt: Date | null = null;
  const offer = (planned: PlannedNotification, lateUntil?: Date) => {
    if (sent.has(planned.key)) return;
    if (planned.at.getTime() <= now.getTime()) {
      if (!lateUntil || now.getTime() < lateUntil.getTime()) ready.push(planned);
    } else if (!nextAt || planned.at.getTime() < nextAt.getTime()) nextAt = planned.at;
  };
  if (!settings.notifications) return { now: [], nextAt: null };
  const quiet = (at: Date) => afterQuietHours(at, settings.quietHours, zone);

  if (settings.digest) {
    // Yesterday's digest can land today when quiet hours pushed it past midnight.
    for (const day of [addCalendarDays(sched.today, -1), sched.today]) {
      const at = quiet(instantAt(day, parseTime(settings.digestTime), zone));
      if (dayIn(at, zone) !== sched.today) continue;
      // Only worth waking for when someone is due; an empty digest is never sent.
      if (sched.due.length === 0) continue;
      offer({ key: `digest:${day}`, at, notification: digestText(sched.due) }, startOfDayAfter(sched.today, zone));
    }
  }

  if (settings.eventFollowUps) {
    for (const person of sched.due) {
      for (const reason of person.reasons) {
        if (reason.kind !== 'event-follow-up') continue;
        offer({
          key: `event:${reason.interactionId}:${person.id}`,
          at: quiet(new Date(reason.dueAt)),
          notification: eventText(person, reason),
        });
      }
    }
  }

  const { nudge } = input;
  if (nudge.outcome === 'tonight' && nudge.remindAt && nudge.personId && nudge.day) {
    const at = quiet(new Date(nudge.remindAt));
    offer(
      {
        key: `tonight:${nudge.day}`,
        at,
        notification: {
          title: `Tonight: get in touch with ${input.nudgeName ?? 'someone'}`,
          body: 'You said you would do it tonight. Your drafted message is on the Today screen.',
          tag: 'rapport-nudge',
          open: { screen: 'today' },
        },
      },
      new Date(at.getTime() + TONIGHT_GRACE_HOURS * HOUR),
    );
  }
  return { now: ready, nextAt };
}

function startOfDayAfter(day: string, zone: string): Date {
  return instantAt(addCalendarDays(day, 1), 0, zone);
}

const REASON_WORDS: Record<DueReason['kind'], string> = {
  overdue: 'overdue',
  due: 'due',
  'event-follow-up': 'follow up',
  birthday: 'birthday',
  'follow-up': 'follow up',
};

/** "3 people to reach out to today", listing the first three by name with why. */
export function digestText(due: readonly DuePerson[]): NotificationText {
  const n = due.length;
  const shown = due.slice(0, 3).map((p) => `${p.displayName} (${REASON_WORDS[p.reasons[0]!.kind]})`);
  const more = n > 3 ? ` and ${n - 3} more` : '';
  return {
    title: `${n} ${n === 1 ? 'person' : 'people'} to reach out to today`,
    body: `${shown.join(', ')}${more}`,
    tag: 'rapport-digest',
    open: { screen: 'today' },
  };
}

function eventText(person: DuePerson, reason: Extract<DueReason, { kind: 'event-follow-up' }>): NotificationText {
  return {
    title: `Follow up with ${person.displayName}`,
    body: `You met at a ${reason.eventType === 'conference' ? 'conference' : 'meet-up'} two days ago. A short note now keeps the connection warm.`,
    tag: `rapport-event-${person.id}`,
    open: { screen: 'people', personId: person.id },
  };
}

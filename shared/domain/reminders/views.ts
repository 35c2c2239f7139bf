import { z } from 'zod';
import { IsoDate, IsoInstant, Tier } from '../contact.ts';
import { KeepInTouchStatusView } from '../views.ts';
import { ReminderSettings } from './settings.ts';
import { lazyExtend, lazyObject } from '../../lazy-schema.ts';

/** Reminder read models that cross IPC; validated like every other output. */

const Tracked = KeepInTouchStatusView.options[1];

export const DueReasonView = z.discriminatedUnion('kind', [
  lazyObject(() => ({ kind: z.enum(['overdue', 'due']), status: Tracked })),
  lazyObject(() => ({
    kind: z.literal('event-follow-up'),
    interactionId: z.string(),
    eventType: z.enum(['conference', 'meet-up']),
    metOn: IsoDate,
    dueAt: IsoInstant,
  })),
  lazyObject(() => ({ kind: z.literal('birthday'), turning: z.number().int().optional() })),
  /** `text` is present only for details marked normal. In This week, `followUpOn` is still to come. */
  lazyObject(() => ({
    kind: z.literal('follow-up'),
    detailId: z.string(),
    followUpOn: IsoDate,
    text: z.string().optional(),
  })),
  /** This week only: a snooze that ends on `until`, when the person comes back to Today. */
  lazyObject(() => ({ kind: z.literal('snoozed'), until: IsoDate })),
]);
export type DueReasonView = z.infer<typeof DueReasonView>;

/** One row of a Today lane. */
export const TodayItem = lazyObject(() => ({
  id: z.string(),
  displayName: z.string(),
  tier: Tier.optional(),
  status: KeepInTouchStatusView,
  reasons: z.array(DueReasonView),
}));
export type TodayItem = z.infer<typeof TodayItem>;

export const NudgeView = lazyObject(() => ({
  personId: z.string(),
  displayName: z.string(),
  lines: z.tuple([z.string(), z.string()]),
  step: z.string(),
  /** Two or more skips in a row: the draft is a smaller step. */
  smallerStep: z.boolean(),
  outcome: z.enum(['done', 'tonight', 'skipped']).optional(),
  remindAt: IsoInstant.optional(),
  /**
   * Put off until tonight: whether a notification will remind (notifications on, and a shell that
   * can show them) or the nudge only stays on Today (browser mode, or notifications turned off).
   */
  remindBy: z.enum(['notification', 'today']).optional(),
  /** When the notification comes, if quiet hours hold it past `remindAt`. */
  notifiesAt: IsoInstant.optional(),
}));
export type NudgeView = z.infer<typeof NudgeView>;

export const UpcomingBirthdayView = lazyObject(() => ({
  personId: z.string(),
  displayName: z.string(),
  on: IsoDate,
  inDays: z.number().int(),
  turning: z.number().int().optional(),
}));

/**
 * Rows a Today list sends at most: a screen reads a few, and a folder of 50,000 people can have
 * thousands due at once, which would be megabytes per change. `totals` counts them all.
 */
export const TODAY_LIST_LIMIT = 100;

/** Everything the Today screen shows, live. Each list holds its first `TODAY_LIST_LIMIT` rows. */
export const TodayView = lazyObject(() => ({
  today: IsoDate,
  overdue: z.array(TodayItem).max(TODAY_LIST_LIMIT),
  /** Due now for any reason: rhythm, follow-ups, event follow-ups, birthdays. */
  due: z.array(TodayItem).max(TODAY_LIST_LIMIT),
  /** Coming up in the next seven days: a rhythm coming due, a snooze ending, a follow-up day. */
  thisWeek: z.array(TodayItem).max(TODAY_LIST_LIMIT),
  nudge: NudgeView.nullable(),
  birthdays: z.array(UpcomingBirthdayView).max(TODAY_LIST_LIMIT),
  /** How many each list has in all. */
  totals: z.object({
    overdue: z.number().int(),
    due: z.number().int(),
    thisWeek: z.number().int(),
    birthdays: z.number().int(),
  }),
}));
export type TodayView = z.infer<typeof TodayView>;

export const ReasonKind = z.enum(['overdue', 'due', 'event-follow-up', 'birthday', 'follow-up']);

/**
 * People a due summary names: the tray lists five and counts the rest. At 50,000 people thousands
 * can be due at once, and each change would send (and check) every name.
 */
export const DUE_SUMMARY_PEOPLE = 20;

/** What the tray and badge need: names and why, never any detail text. */
export const DueSummary = lazyObject(() => ({
  today: IsoDate,
  /** Everyone due. */
  count: z.number().int(),
  /** The first `DUE_SUMMARY_PEOPLE` of them, most pressing first. */
  people: z
    .array(z.object({ id: z.string(), displayName: z.string(), reasons: z.array(ReasonKind) }))
    .max(DUE_SUMMARY_PEOPLE),
}));

/** Settings plus what this computer can do, so the screen can say what works. */
export const ReminderSettingsView = lazyExtend(ReminderSettings, () => ({
  host: lazyObject(() => ({
    /** Desktop notifications can be shown (false in browser mode). */
    notifications: z.boolean(),
    /** The shell has a tray icon; false on Linux desktops without AppIndicator; null when unknown. */
    tray: z.boolean().nullable(),
  })),
}));
export type ReminderSettingsView = z.infer<typeof ReminderSettingsView>;
export type DueSummary = z.infer<typeof DueSummary>;

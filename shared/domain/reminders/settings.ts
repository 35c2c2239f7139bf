import { z } from 'zod';
import { IsoDate, IsoInstant } from '../contact.ts';
import { addCalendarDays } from '../keep-in-touch/days.ts';
import { instantAt, parseTime, wallClock } from './zoned.ts';
import { lazyObject } from '../../lazy-schema.ts';

/** A local time of day, `HH:mm`. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 08:30');

export const QuietHours = lazyObject(() => ({
  enabled: z.boolean(),
  /** Quiet from this local time… */
  start: TimeOfDay,
  /** …until this one; earlier than `start` means the quiet spans midnight (22:00–07:00). */
  end: TimeOfDay,
}));
export type QuietHours = z.infer<typeof QuietHours>;

/** What the user picks under Settings → Reminders. */
export const ReminderSettings = lazyObject(() => ({
  /** Master switch for desktop notifications; the Today screen works either way. */
  notifications: z.boolean(),
  /** One notification a day listing who is due. */
  digest: z.boolean(),
  digestTime: TimeOfDay,
  /** A notification 48 hours after meeting someone at a conference or meet-up. */
  eventFollowUps: z.boolean(),
  quietHours: QuietHours,
  /** Start Rapport (hidden, in the tray) when the user logs in; applied by the desktop shell. */
  openAtLogin: z.boolean(),
}));
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  notifications: true,
  digest: true,
  digestTime: '09:00',
  eventFollowUps: true,
  quietHours: { enabled: true, start: '22:00', end: '07:00' },
  openAtLogin: false,
};

/** Per-person holds: a snooze hides them until a day, a skip restarts their cycle on a day. */
export const PersonHold = lazyObject(() => ({
  /** Not due before this day. */
  snoozedUntil: IsoDate.optional(),
  /** "Skip this cycle" on this day: reminders count from it as if they had been in touch. */
  skippedOn: IsoDate.optional(),
}));
export type PersonHold = z.infer<typeof PersonHold>;

/** The state of the "just do it" nudge; one person a day. */
export const NudgeState = lazyObject(() => ({
  /** The day `personId` was chosen; a new day chooses again. */
  day: IsoDate.optional(),
  personId: z.string().optional(),
  outcome: z.enum(['done', 'tonight', 'skipped']).optional(),
  /** When "Tonight" was chosen: the instant to remind. */
  remindAt: IsoInstant.optional(),
  /** Nudges skipped one after another; a Done resets it. Two or more suggests a smaller step. */
  skipsInARow: z.number().int().min(0).default(0),
  /** Who was skipped last, so tomorrow's nudge picks someone else when it can. */
  lastSkippedId: z.string().optional(),
}));
export type NudgeState = z.infer<typeof NudgeState>;

export const ReminderState = lazyObject(() => ({
  holds: z.record(z.string(), PersonHold).default({}),
  nudge: NudgeState.default({ skipsInARow: 0 }),
}));
export type ReminderState = z.infer<typeof ReminderState>;

/**
 * Moves an instant out of quiet hours: a notification due inside them waits until they end
 * (nothing is dropped). Quiet hours with equal start and end are treated as off.
 */
export function afterQuietHours(at: Date, quiet: QuietHours, zone: string): Date {
  if (!quiet.enabled || quiet.start === quiet.end) return at;
  const { day, minutes } = wallClock(at, zone);
  const start = parseTime(quiet.start);
  const end = parseTime(quiet.end);
  if (start < end) return minutes >= start && minutes < end ? instantAt(day, end, zone) : at;
  // Spans midnight: the late part ends tomorrow, the early part today.
  if (minutes >= start) return instantAt(addCalendarDays(day, 1), end, zone);
  if (minutes < end) return instantAt(day, end, zone);
  return at;
}

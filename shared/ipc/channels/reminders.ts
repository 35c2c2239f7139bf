import { z } from 'zod';
import { Id } from './common.ts';
import { InteractionType } from '../../domain/interaction.ts';
import { ReminderSettings } from '../../domain/reminders/settings.ts';
import { DueSummary, ReminderSettingsView, TodayView } from '../../domain/reminders/views.ts';
import { channel, lazyObject } from '../../lazy-schema.ts';

/** The reminders area's IPC channels; joined into the contract by ../contract.ts. */
export const remindersRequests = {
  /** "Done": logs an interaction with the person today (a message unless told otherwise). */
  'reminders.done': channel(() => ({
    input: z.object({ personId: Id, type: InteractionType.default('message') }),
    output: z.object({ interactionId: z.string() }),
  })),
  /** Hides the person from reminders for 1 or 7 days. */
  'reminders.snooze': channel(() => ({
    input: z.object({ personId: Id, days: z.union([z.literal(1), z.literal(7)]) }),
    output: z.object({ until: z.iso.date() }),
  })),
  /** "Skip this cycle": their rhythm restarts today without logging an interaction. */
  'reminders.skip': channel(() => ({ input: z.object({ personId: Id }), output: z.object({}) })),
  /** Today's nudge: remind me tonight, or skip it (done goes through `reminders.done`). */
  'reminders.nudge': channel(() => ({
    input: z.object({ action: z.enum(['tonight', 'skip']) }),
    output: z.object({}),
  })),
  'reminders.getSettings': channel(() => ({ input: z.object({}), output: ReminderSettingsView })),
  'reminders.setSettings': channel(() => ({ input: ReminderSettings, output: ReminderSettingsView })),
  /** Birthdays and keep-in-touch dates as an RFC 5545 calendar. */
  'reminders.exportIcs': channel(() => ({
    input: z.object({}),
    output: z.object({ filename: z.string(), text: z.string() }),
  })),
  /** The shell calls this after resume, a clock or time-zone change: re-plan now. */
  'reminders.wake': channel(() => ({ input: z.object({}), output: z.object({}) })),
} as const;

export const remindersSubscriptions = {
  /** Lanes with Done/Snooze/Skip applied, the nudge, and upcoming birthdays. */
  'reminders.watchToday': channel(() => ({ input: z.object({}), output: TodayView })),
  /** Who is due, for the tray and the badge. */
  'reminders.watchDue': channel(() => ({ input: z.object({}), output: DueSummary })),
  /** The settings as they change; the desktop shell applies "Open at login" from it. */
  'reminders.watchSettings': channel(() => ({ input: z.object({}), output: ReminderSettingsView })),
} as const;

export const remindersEvents = {
  /**
   * The shell asks the window to show reminders: a clicked notification or tray item opens the
   * person (or Today without one); `log` opens the log-an-interaction dialog instead.
   */
  'reminders.open': lazyObject(() => ({ personId: z.string().optional(), log: z.boolean().optional() })),
} as const;

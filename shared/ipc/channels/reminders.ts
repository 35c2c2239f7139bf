import { z } from 'zod';
import { Id } from './common.ts';
import { InteractionType } from '../../domain/interaction.ts';
import { NudgeState, PersonHold, ReminderSettings } from '../../domain/reminders/settings.ts';
import { DueSummary, ReminderSettingsView, TodayView } from '../../domain/reminders/views.ts';
import { channel, lazyObject } from '../../lazy-schema.ts';

/**
 * What a Later, nudge or Done action replaced (`before`; none for a person with no hold) and what
 * it wrote (`after`; none where Done ended a hold), so Undo can put back exactly the previous
 * state: `reminders.undo` takes it as it came and writes `before` while `after` is still there.
 */
export const ReminderChange = z.discriminatedUnion('kind', [
  lazyObject(() => ({
    kind: z.literal('hold'),
    personId: Id,
    before: PersonHold.optional(),
    after: PersonHold.optional(),
  })),
  lazyObject(() => ({ kind: z.literal('nudge'), before: NudgeState, after: NudgeState })),
]);
export type ReminderChange = z.infer<typeof ReminderChange>;

/** The reminders area's IPC channels; joined into the contract by ../contract.ts. */
export const remindersRequests = {
  /**
   * "Done": logs an interaction with the person today (a message unless told otherwise), which
   * ends their snooze or skip and answers today's nudge about them (`changes`), in one operation.
   */
  'reminders.done': channel(() => ({
    input: z.object({ personId: Id, type: InteractionType.default('message') }),
    output: z.object({ interactionId: z.string(), changes: z.array(ReminderChange).max(2) }),
  })),
  /**
   * Undo of Done, in one operation: the interaction goes (into the trash) and each change comes
   * back as it was, unless it was changed again since (that one stays as it is now).
   */
  'reminders.undoDone': channel(() => ({
    input: z.object({ interactionId: Id, changes: z.array(ReminderChange).max(2) }),
    output: z.object({}),
  })),
  /** Hides the person from reminders for 1 or 7 days. */
  'reminders.snooze': channel(() => ({
    input: z.object({ personId: Id, days: z.union([z.literal(1), z.literal(7)]) }),
    output: z.object({ until: z.iso.date(), change: ReminderChange }),
  })),
  /** "Skip this cycle": their rhythm restarts today without logging an interaction. */
  'reminders.skip': channel(() => ({
    input: z.object({ personId: Id }),
    output: z.object({ change: ReminderChange }),
  })),
  /** Today's nudge: remind me tonight, or skip it (done goes through `reminders.done`). */
  'reminders.nudge': channel(() => ({
    input: z.object({ action: z.enum(['tonight', 'skip']) }),
    output: z.object({ change: ReminderChange }),
  })),
  /**
   * Undo of a snooze, skip or nudge answer: puts `before` back. Already as before is done; anything
   * else written since (another snooze, a sync) is a `conflict` and changes nothing.
   */
  'reminders.undo': channel(() => ({ input: ReminderChange, output: z.object({}) })),
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

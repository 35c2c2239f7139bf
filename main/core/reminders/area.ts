import { map } from 'rxjs';
import type { ReminderSettings } from '../../../shared/domain/reminders/settings.ts';
import type { ReminderSettingsView } from '../../../shared/domain/reminders/views.ts';
import type { remindersRequests, remindersSubscriptions } from '../../../shared/ipc/channels/reminders.ts';
import { asArea } from '../area.ts';
import type { Area, CoreContext } from '../context.ts';
import type { Timers } from '../jobs/timer-loop.ts';
import { currentIcs, keepIcsFile, type IcsFileKeeper } from './ics-file.ts';
import { ICS_FILENAME } from './ics.ts';
import { createReminderLoop } from './reminder-loop.ts';
import { createRemindersService } from './reminders-service.ts';
import { createTodayMemory } from './remembered-today.ts';
import { createReminderStore } from './store.ts';
import { systemTimeZone } from './system-zone.ts';

/** Test seams; the app passes none. */
export interface RemindersOptions {
  timeZone?: () => string;
  timers?: Timers;
  /** Keep `<dataDir>/rapport-reminders.ics` up to date while jobs run (default true). */
  icsFile?: boolean;
  /** How long after the jobs start the calendar file is first built (default FIRST_BUILD_AFTER_MS). */
  icsFirstBuildAfterMs?: number;
}

/**
 * The reminders area: Today's lanes and nudge in every mode. Its jobs send desktop notifications
 * (only when the shell gave the core a notifier) and keep the calendar file in the data folder.
 */
export function createRemindersArea(
  ctx: CoreContext,
  options: RemindersOptions = {},
  /** Given for the folder's own database: Today's last result is then kept for the next start. */
  remember?: { version: string },
): Area<keyof typeof remindersRequests, keyof typeof remindersSubscriptions> {
  const store = createReminderStore(ctx.settings, ctx.clock);
  const timeZone = options.timeZone ?? systemTimeZone;
  const memory = remember
    ? createTodayMemory({
        db: ctx.db,
        clock: ctx.clock,
        dataDir: ctx.dataDir,
        version: remember.version,
        notifies: ctx.notifier?.supported ?? false,
        timeZone,
      })
    : undefined;
  const service = asArea(
    'reminders',
    createRemindersService({
      db: ctx.db,
      clock: ctx.clock,
      store,
      settings: ctx.settings,
      areas: ctx.areas,
      journal: ctx.journal,
      timeZone,
      timers: options.timers,
      memory,
      notifies: ctx.notifier?.supported ?? false,
    }),
  );
  const loop = ctx.notifier
    ? createReminderLoop({
        db: ctx.db,
        clock: ctx.clock,
        service,
        store,
        notifier: ctx.notifier,
        timers: options.timers,
      })
    : undefined;
  let ics: IcsFileKeeper | undefined;

  const view = (settings: ReminderSettings): ReminderSettingsView => ({
    ...settings,
    host: { notifications: ctx.notifier?.supported ?? false, tray: ctx.notifier?.trayAvailable ?? null },
  });

  return {
    requests: {
      'reminders.done': ({ personId, type }) => service.done(personId, type),
      'reminders.snooze': ({ personId, days }) => service.snooze(personId, days),
      'reminders.skip': ({ personId }) => service.skip(personId),
      'reminders.nudge': ({ action }) => service.nudge(action),
      'reminders.undoDone': async ({ interactionId, changes }) => {
        await service.undoDone(interactionId, changes);
        return {};
      },
      'reminders.undo': async (change) => {
        await service.undo(change);
        return {};
      },
      'reminders.getSettings': async () => view(await store.settings()),
      'reminders.setSettings': async (input) => view(await store.setSettings(input)),
      'reminders.exportIcs': async () => ({ filename: ICS_FILENAME, text: await currentIcs(service) }),
      'reminders.wake': async () => {
        service.wake();
        await loop?.wake();
        return {};
      },
    },
    subscriptions: {
      'reminders.watchToday': () => service.watchToday(),
      'reminders.watchDue': () => service.watchDue(),
      'reminders.watchSettings': () => store.watchSettings().pipe(map(view)),
    },
    jobs: {
      start() {
        loop?.start();
        if (options.icsFile !== false) {
          ics = keepIcsFile({
            db: ctx.db,
            clock: ctx.clock,
            service,
            dataDir: ctx.dataDir,
            timers: options.timers,
            firstBuildAfterMs: options.icsFirstBuildAfterMs,
          });
        }
      },
      async stop() {
        await loop?.stop();
        await ics?.stop();
      },
    },
    close: () => memory?.flush(),
  };
}

import { map } from 'rxjs';
import type { ReminderSettings } from '../../../shared/domain/reminders/settings.ts';
import type { ReminderSettingsView } from '../../../shared/domain/reminders/views.ts';
import type { remindersRequests, remindersSubscriptions } from '../../../shared/ipc/channels/reminders.ts';
import type { AreaHandlers, CoreContext } from '../context.ts';
import { createReminderLoop, type ReminderLoop } from './reminder-loop.ts';
import { createRemindersService } from './reminders-service.ts';
import { currentIcs, keepIcsFile } from './ics-file.ts';
import { ICS_FILENAME } from './ics.ts';
import type { Timers } from './live.ts';
import { createReminderStore } from './store.ts';

/** Test seams; the core passes none. */
export interface RemindersOptions {
  timeZone?: () => string;
  timers?: Timers;
  /** Keep `<dataDir>/rapport-reminders.ics` up to date (default true). */
  icsFile?: boolean;
}

/** The machine's IANA zone, read each time so a time-zone change is noticed on the next run. */
export const systemTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The reminders area: Today's lanes and nudge for every mode; desktop notifications only when
 * the shell gave the core a notifier; the ICS file in the data folder always.
 */
export function createRemindersHandlers(
  ctx: CoreContext,
  options: RemindersOptions = {},
): AreaHandlers<keyof typeof remindersRequests, keyof typeof remindersSubscriptions> {
  const store = createReminderStore(ctx.db, ctx.clock);
  const service = createRemindersService({
    db: ctx.db,
    clock: ctx.clock,
    store,
    settings: ctx.settings,
    interactions: ctx.interactions,
    details: ctx.details,
    timeZone: options.timeZone ?? systemTimeZone,
    ...(options.timers ? { timers: options.timers } : {}),
  });
  const loop: ReminderLoop | undefined = ctx.notifier
    ? createReminderLoop({
        db: ctx.db,
        service,
        store,
        notifier: ctx.notifier,
        ...(options.timers ? { timers: options.timers } : {}),
      })
    : undefined;
  loop?.start();
  const ics =
    options.icsFile === false
      ? undefined
      : keepIcsFile({
          db: ctx.db,
          service,
          dataDir: ctx.dataDir,
          ...(options.timers ? { timers: options.timers } : {}),
        });

  const view = (settings: ReminderSettings): ReminderSettingsView => ({
    ...settings,
    host: { notifications: ctx.notifier?.supported ?? false, tray: ctx.notifier?.trayAvailable ?? null },
  });

  return {
    requests: {
      'reminders.done': ({ personId, type }) => service.done(personId, type),
      'reminders.snooze': ({ personId, days }) => service.snooze(personId, days),
      'reminders.skip': async ({ personId }) => {
        await service.skip(personId);
        return {};
      },
      'reminders.nudge': async ({ action }) => {
        await service.nudge(action);
        return {};
      },
      'reminders.getSettings': async () => view(await store.settings()),
      'reminders.setSettings': async (input) => view(await store.setSettings(input)),
      'reminders.exportIcs': async () => ({ filename: ICS_FILENAME, text: await currentIcs(service) }),
      'reminders.wake': async () => {
        await loop?.wake();
        return {};
      },
    },
    subscriptions: {
      'reminders.watchToday': () => service.watchToday(),
      'reminders.watchDue': () => service.watchDue(),
      'reminders.watchSettings': () => store.watchSettings().pipe(map(view)),
    },
    async close() {
      await loop?.stop();
      await ics?.stop();
    },
  };
}

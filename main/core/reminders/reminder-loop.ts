import { auditTime, type Subscription } from 'rxjs';
import { planNotifications } from '../../../shared/domain/reminders/notifications.ts';
import type { Clock } from '../clock.ts';
import type { RapportDatabase } from '../db/database.ts';
import { startTimerLoop, type TimerLoop, type Timers } from '../jobs/timer-loop.ts';
import type { Notifier } from '../ports.ts';
import { reminderChanges } from './live.ts';
import type { RemindersService } from './reminders-service.ts';
import type { ReminderStore } from './store.ts';

export interface ReminderLoop {
  start(): void;
  /** Re-plans now: after resume from sleep, a clock or time-zone change, or a settings change. */
  wake(): Promise<void>;
  stop(): Promise<void>;
}

export interface ReminderLoopDeps {
  db: RapportDatabase;
  clock: Clock;
  service: RemindersService;
  store: ReminderStore;
  notifier: Notifier;
  timers?: Timers | undefined;
  /** Coalesces bursts of writes (an import) into one re-plan. */
  changeAuditMs?: number;
}

/**
 * Sends reminder notifications at the right moments without polling: each run sends what is
 * due, records it, and sleeps until the next moment anything can change. Data changes re-plan.
 *
 * Keys are recorded **before** the notification is shown: a crash in between loses one
 * notification rather than repeating it after the restart.
 */
export function createReminderLoop(deps: ReminderLoopDeps): ReminderLoop {
  let loop: TimerLoop | undefined;
  let changes: Subscription | undefined;

  async function runOnce(): Promise<Date> {
    const snap = await deps.service.snapshot();
    const enabled = snap.settings.notifications && deps.notifier.supported;
    const nudgeName = snap.data.people.find((p) => p.id === snap.state.nudge.personId)?.displayName;
    const plan = planNotifications({
      schedule: snap.schedule,
      now: snap.now,
      timeZone: snap.zone,
      settings: { ...snap.settings, notifications: enabled },
      sent: await deps.store.sentKeys(),
      nudge: snap.state.nudge,
      nudgeName,
    });
    if (plan.now.length) {
      await deps.store.markSent(plan.now.map((p) => p.key));
      for (const planned of plan.now) deps.notifier.notify(planned.notification);
    }
    return new Date(Math.min(snap.schedule.nextChangeAt.getTime(), plan.nextAt?.getTime() ?? Infinity));
  }

  return {
    start() {
      if (loop) return;
      loop = startTimerLoop({
        clock: deps.clock,
        timers: deps.timers,
        minSleepMs: 1000,
        step: runOnce,
        onError: (error) => console.error('[rapport] Reminders:', error),
      });
      changes = reminderChanges(deps.db)
        .pipe(auditTime(deps.changeAuditMs ?? 500))
        .subscribe(() => void loop?.wake());
    },
    wake: () => loop?.wake() ?? Promise.resolve(),
    async stop() {
      changes?.unsubscribe();
      await loop?.stop();
      loop = undefined;
    },
  };
}

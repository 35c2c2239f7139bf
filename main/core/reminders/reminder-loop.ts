import { Subscription, auditTime } from 'rxjs';
import { planNotifications } from '../../../shared/domain/reminders/notifications.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { Notifier } from '../ports.ts';
import { MAX_SLEEP_MS, realTimers, reminderChanges, type Timers } from './live.ts';
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
  service: RemindersService;
  store: ReminderStore;
  notifier: Notifier;
  timers?: Timers;
  /** Coalesces bursts of writes (an import) into one re-plan. */
  changeAuditMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Sends reminder notifications at the right moments without polling: each run sends what is
 * due, records it, and sleeps until the next moment anything can change (capped at an hour, so
 * a wall-clock jump the shell did not report is still caught). Data changes re-plan too.
 *
 * Keys are recorded **before** the notification is shown: a crash in between loses one
 * notification rather than repeating it after the restart.
 */
export function createReminderLoop(deps: ReminderLoopDeps): ReminderLoop {
  const timers = deps.timers ?? realTimers;
  let timer: unknown;
  let changes: Subscription | undefined;
  let stopped = true;
  let current: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;

  async function runOnce() {
    if (stopped) return;
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
    if (stopped) return;
    if (plan.now.length) {
      await deps.store.markSent(plan.now.map((p) => p.key));
      for (const planned of plan.now) deps.notifier.notify(planned.notification);
    }
    const next = Math.min(snap.schedule.nextChangeAt.getTime(), plan.nextAt?.getTime() ?? Infinity);
    const delay = Math.min(Math.max(next - snap.now.getTime(), 1000), MAX_SLEEP_MS);
    timers.clearTimeout(timer);
    timer = timers.setTimeout(() => void wake(), delay);
  }

  /** Runs never overlap; calls during a run share one follow-up run. */
  function wake(): Promise<void> {
    if (queued) return queued;
    queued = current.then(() => {
      queued = undefined;
      return runOnce().catch((error: unknown) =>
        (deps.onError ?? ((e) => console.error('[rapport] Reminders:', e)))(error),
      );
    });
    current = queued;
    return queued;
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      changes = reminderChanges(deps.db)
        .pipe(auditTime(deps.changeAuditMs ?? 500))
        .subscribe(() => void wake());
      void wake();
    },
    wake,
    async stop() {
      stopped = true;
      changes?.unsubscribe();
      timers.clearTimeout(timer);
      await current;
    },
  };
}

import type { Observable } from 'rxjs';
import { z } from 'zod';
import {
  DEFAULT_REMINDER_SETTINGS,
  ReminderSettings,
  ReminderState,
} from '../../../shared/domain/reminders/settings.ts';
import type { Clock } from '../clock.ts';
import { settingsKey, type SettingsStore } from '../settings/settings-store.ts';

/** Sent notification keys → when; kept this long so a restart a few days later still knows. */
export const LOG_KEEP_DAYS = 14;

const SentLog = z.object({ sent: z.record(z.string(), z.iso.datetime()) });

export const REMINDER_SETTINGS = settingsKey({
  id: 'reminder-settings',
  label: 'your reminder settings',
  schema: ReminderSettings,
  fallback: DEFAULT_REMINDER_SETTINGS,
  scope: 'synced',
});
/** Snoozes, skips and today's nudge: the same on every device. */
export const REMINDER_STATE = settingsKey({
  id: 'reminder-state',
  label: 'your snoozes and skips',
  schema: ReminderState,
  fallback: { holds: {}, nudge: { skipsInARow: 0 } },
  scope: 'synced',
});
/** Which notifications this device has shown. */
export const REMINDER_LOG = settingsKey({
  id: 'reminder-log',
  label: 'the reminders this device has shown',
  schema: SentLog,
  fallback: { sent: {} },
  scope: 'device',
});

/**
 * The reminders area's settings. Reads fall back to the defaults (settings, state) or to an empty
 * log rather than breaking reminders; an empty log can at worst repeat today's notifications once.
 */
export interface ReminderStore {
  settings(): Promise<ReminderSettings>;
  watchSettings(): Observable<ReminderSettings>;
  setSettings(value: ReminderSettings): Promise<ReminderSettings>;
  state(): Promise<ReminderState>;
  /** Reads, changes and writes the state; `change` may mutate its argument. */
  updateState(change: (state: ReminderState) => void): Promise<ReminderState>;
  sentKeys(): Promise<Set<string>>;
  /** Records keys as sent, dropping entries older than `LOG_KEEP_DAYS`. */
  markSent(keys: string[]): Promise<void>;
}

export function createReminderStore(settings: SettingsStore, clock: Clock): ReminderStore {
  return {
    settings: () => settings.read(REMINDER_SETTINGS),
    watchSettings: () => settings.watch(REMINDER_SETTINGS),
    setSettings: (value) => settings.write(REMINDER_SETTINGS, value),
    state: () => settings.read(REMINDER_STATE),
    updateState: (change) => settings.update(REMINDER_STATE, (state) => void change(state)),
    async sentKeys() {
      return new Set(Object.keys((await settings.read(REMINDER_LOG)).sent));
    },
    async markSent(keys) {
      await settings.update(REMINDER_LOG, (log) => {
        const now = clock.now();
        const cutoff = now.getTime() - LOG_KEEP_DAYS * 86_400_000;
        for (const [key, at] of Object.entries(log.sent)) if (Date.parse(at) < cutoff) delete log.sent[key];
        for (const key of keys) log.sent[key] = now.toISOString();
      });
    },
  };
}

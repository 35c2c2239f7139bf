import { distinctUntilChanged, map, type Observable } from 'rxjs';
import { z } from 'zod';
import {
  DEFAULT_REMINDER_SETTINGS,
  ReminderSettings,
  ReminderState,
} from '../../../shared/domain/reminders/settings.ts';
import type { Clock } from '../clock.ts';
import type { RapportDatabase } from '../db/database.ts';

/** Settings documents of the reminders area (the `settings` collection, one document each). */
export const SETTINGS_ID = 'reminder-settings';
export const STATE_ID = 'reminder-state';
export const LOG_ID = 'reminder-log';

/** Sent notification keys → when; kept this long so a restart a few days later still knows. */
export const LOG_KEEP_DAYS = 14;

const SentLog = z.object({ sent: z.record(z.string(), z.iso.datetime()) });
type SentLog = z.infer<typeof SentLog>;

/**
 * Every read is parsed with zod: a document written by a newer or damaged version falls back
 * to the defaults (settings, state) or to an empty log rather than breaking reminders. An empty
 * log can at worst repeat today's notifications once; it never loses data.
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

const parseOr = <T>(schema: z.ZodType<T>, value: unknown, fallback: T): T => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
};
const emptyState = (): ReminderState => ({ holds: {}, nudge: { skipsInARow: 0 } });

export function createReminderStore(db: RapportDatabase, clock: Clock): ReminderStore {
  const read = async (id: string) => (await db.settings.findOne(id).exec())?.value;
  const write = (id: string, value: object) =>
    db.settings.upsert({ id, value: value as Record<string, unknown>, updatedAt: clock.now().toISOString() });
  // One write at a time: Done and Snooze from the tray can arrive together.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => {});
    return next;
  };

  return {
    async settings() {
      return parseOr(ReminderSettings, await read(SETTINGS_ID), DEFAULT_REMINDER_SETTINGS);
    },
    watchSettings() {
      return db.settings.findOne(SETTINGS_ID).$.pipe(
        map((doc) => parseOr(ReminderSettings, doc?.value, DEFAULT_REMINDER_SETTINGS)),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      );
    },
    async setSettings(value) {
      await write(SETTINGS_ID, value);
      return value;
    },
    async state() {
      return parseOr(ReminderState, await read(STATE_ID), emptyState());
    },
    updateState(change) {
      return serial(async () => {
        const state = parseOr(ReminderState, await read(STATE_ID), emptyState());
        change(state);
        await write(STATE_ID, state);
        return state;
      });
    },
    async sentKeys() {
      return new Set(Object.keys(parseOr(SentLog, await read(LOG_ID), { sent: {} }).sent));
    },
    markSent(keys) {
      return serial(async () => {
        const log: SentLog = parseOr(SentLog, await read(LOG_ID), { sent: {} });
        const now = clock.now();
        const cutoff = now.getTime() - LOG_KEEP_DAYS * 86_400_000;
        for (const [key, at] of Object.entries(log.sent)) if (Date.parse(at) < cutoff) delete log.sent[key];
        for (const key of keys) log.sent[key] = now.toISOString();
        await write(LOG_ID, log);
      });
    },
  };
}

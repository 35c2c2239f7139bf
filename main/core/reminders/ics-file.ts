import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { debounceTime, startWith, type Subscription } from 'rxjs';
import type { Clock } from '../clock.ts';
import type { RapportDatabase } from '../db/database.ts';
import { buildIcs, ICS_FILENAME } from './ics.ts';
import { liveRecompute, reminderChanges, type Timers } from './live.ts';
import type { RemindersService } from './reminders-service.ts';

/** The calendar text for the current data, as the export button and the kept file share it. */
export async function currentIcs(service: RemindersService): Promise<string> {
  return (await calendar(service)).text;
}

async function calendar(service: RemindersService): Promise<{ text: string; nextAt: Date }> {
  const snap = await service.snapshot('everyone');
  const text = buildIcs({
    today: snap.schedule.today,
    now: snap.now,
    people: snap.data.people,
    statuses: snap.schedule.statuses,
    holds: snap.state.holds,
  });
  return { text, nextAt: snap.schedule.nextChangeAt };
}

/** DTSTAMP changes on every build; comparing without it avoids rewriting an unchanged calendar. */
const withoutStamps = (text: string) => text.replace(/^DTSTAMP:.*\r\n/gm, '');

export interface IcsFileKeeper {
  readonly path: string;
  stop(): Promise<void>;
}

/**
 * Keeps `<dataDir>/rapport-reminders.ics` current for calendar apps that subscribe to the file:
 * rewritten (atomically, via a temporary file and rename) after changes settle for `debounceMs`
 * and at midnight, only when the calendar actually changed.
 */
export function keepIcsFile(options: {
  db: RapportDatabase;
  clock: Clock;
  service: RemindersService;
  dataDir: string;
  debounceMs?: number;
  timers?: Timers | undefined;
  onError?: (error: unknown) => void;
}): IcsFileKeeper {
  const path = join(options.dataDir, ICS_FILENAME);
  let last = '';
  let writing: Promise<void> = Promise.resolve();
  const report =
    options.onError ?? ((e: unknown) => console.error('[rapport] Could not write the reminders calendar:', e));
  const subscription: Subscription = liveRecompute(
    options.clock,
    // Wait until changes settle, and start a moment after the core opens: rebuilding for 10k
    // people blocks the thread for a few hundred ms, which must not land on start-up or
    // between the chunks of an import.
    reminderChanges(options.db).pipe(startWith(null), debounceTime(options.debounceMs ?? 2000)),
    async () => {
      const { text, nextAt } = await calendar(options.service);
      return { value: text, nextAt };
    },
    { timers: options.timers, auditMs: 0, runAtStart: false },
  ).subscribe({
    next: (text) => {
      if (withoutStamps(text) === last) return;
      last = withoutStamps(text);
      writing = writing
        .then(async () => {
          const temp = `${path}.${process.pid}.tmp`;
          await writeFile(temp, text, 'utf8');
          await rename(temp, path);
        })
        .catch(report);
    },
    error: report,
  });
  return {
    path,
    async stop() {
      subscription.unsubscribe();
      await writing;
    },
  };
}

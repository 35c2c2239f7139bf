import { join } from 'node:path';
import { concat, debounce, timer, type Subscription } from 'rxjs';
import type { Clock } from '../clock.ts';
import { writeFileAtomicAsync } from '../lifecycle/atomic-file.ts';
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

/** After opening, the first build waits this long: it reads everyone, seconds at 50,000 people. */
export const FIRST_BUILD_AFTER_MS = 30_000;
/** A rebuild waits for changes to settle at least this many times as long as the last build took. */
const SETTLE_PER_BUILD_MS = 20;

/**
 * Keeps `<dataDir>/rapport-reminders.ics` current for calendar apps that subscribe to the file:
 * rewritten (atomically, via a temporary file and rename) after changes settle and at midnight,
 * only when the calendar actually changed. It reads everyone and builds one event per tracked
 * person and birthday, which blocks the thread: a few hundred ms at 10,000 people, 1–2 s at 50,000. So the
 * first build waits until well after start-up, and changes must settle for `debounceMs` or 20
 * times the last build's time, whichever is longer (a build at most every ~5% of the time).
 */
export function keepIcsFile(options: {
  db: RapportDatabase;
  clock: Clock;
  service: RemindersService;
  dataDir: string;
  debounceMs?: number;
  firstBuildAfterMs?: number;
  timers?: Timers | undefined;
  onError?: (error: unknown) => void;
}): IcsFileKeeper {
  const path = join(options.dataDir, ICS_FILENAME);
  let last = '';
  let lastBuildMs = 0;
  let writing: Promise<void> = Promise.resolve();
  const report =
    options.onError ?? ((e: unknown) => console.error('[rapport] Could not write the reminders calendar:', e));
  const settle = () => timer(Math.max(options.debounceMs ?? 2000, SETTLE_PER_BUILD_MS * lastBuildMs));
  const subscription: Subscription = liveRecompute(
    options.clock,
    // The first build covers whatever changed before it.
    concat(timer(options.firstBuildAfterMs ?? FIRST_BUILD_AFTER_MS), reminderChanges(options.db)).pipe(
      debounce(settle),
    ),
    async () => {
      const started = performance.now();
      const { text, nextAt } = await calendar(options.service);
      lastBuildMs = performance.now() - started;
      return { value: text, nextAt };
    },
    { timers: options.timers, auditMs: 0, runAtStart: false },
  ).subscribe({
    next: (text) => {
      if (withoutStamps(text) === last) return;
      last = withoutStamps(text);
      writing = writing.then(() => writeFileAtomicAsync(path, text)).catch(report);
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

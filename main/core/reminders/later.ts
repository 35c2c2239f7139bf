/**
 * The answers that put someone off without getting in touch: Snooze and Skip this cycle (Today's
 * Later menu, the tray), and the nudge's Tonight and Skip. Each says what it replaced, so Undo
 * puts back exactly the previous state (`undo`).
 */
import { isDeepStrictEqual } from 'node:util';
import { addCalendarDays } from '../../../shared/domain/keep-in-touch/days.ts';
import type { NudgeState, PersonHold, ReminderState } from '../../../shared/domain/reminders/settings.ts';
import { instantAt, parseTime, wallClock } from '../../../shared/domain/reminders/zoned.ts';
import type { ReminderChange } from '../../../shared/ipc/channels/reminders.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import type { Clock } from '../clock.ts';
import type { ReminderStore } from './store.ts';

/** The evening time "Tonight" reminds at; later than this it reminds two hours on. */
export const TONIGHT_AT = '19:00';

export interface LaterActions {
  snooze(personId: string, days: number): Promise<{ until: string; change: ReminderChange }>;
  skip(personId: string): Promise<{ change: ReminderChange }>;
  nudge(action: 'tonight' | 'skip'): Promise<{ change: ReminderChange }>;
  /**
   * Puts back what `change` replaced. Already as before is done (Done ended the snooze meanwhile).
   * @throws AppError `conflict` when something else was written since (another snooze, a sync).
   */
  undo(change: ReminderChange): Promise<void>;
}

export interface LaterDeps {
  clock: Clock;
  store: ReminderStore;
  timeZone: () => string;
  /** @throws AppError `not_found` for someone who no longer exists. */
  assertPerson: (personId: string) => Promise<void>;
}

export function createLaterActions({ clock, store, timeZone, assertPerson }: LaterDeps): LaterActions {
  const today = () => wallClock(clock.now(), timeZone()).day;

  /** Writes one person's hold, and says what it was before and what it is now. */
  async function changeHold(personId: string, next: (hold: PersonHold | undefined) => PersonHold) {
    let before: PersonHold | undefined;
    let after: PersonHold | undefined;
    await store.updateState((s) => {
      before = s.holds[personId];
      after = next(before ? structuredClone(before) : undefined);
      s.holds[personId] = after;
    });
    return { kind: 'hold' as const, personId, ...(before ? { before } : {}), after: after! };
  }

  return {
    async snooze(personId, days) {
      await assertPerson(personId);
      const until = addCalendarDays(today(), days);
      const change = await changeHold(personId, (hold) => ({ ...hold, snoozedUntil: until }));
      return { until, change };
    },

    async skip(personId) {
      await assertPerson(personId);
      const day = today();
      // A skip ends a snooze too; its Undo brings the snooze back.
      return { change: await changeHold(personId, () => ({ skippedOn: day })) };
    },

    async nudge(action) {
      const now = clock.now();
      const zone = timeZone();
      const day = wallClock(now, zone).day;
      let before: NudgeState | undefined;
      const state = await store.updateState((s) => {
        if (s.nudge.day !== day || !s.nudge.personId) throw new AppError('not_found', 'There is no nudge today.');
        before = structuredClone(s.nudge);
        if (action === 'tonight') {
          s.nudge.outcome = 'tonight';
          s.nudge.remindAt = tonightAfter(now, zone).toISOString();
        } else {
          if (s.nudge.outcome !== 'skipped') s.nudge.skipsInARow += 1;
          s.nudge.outcome = 'skipped';
          s.nudge.lastSkippedId = s.nudge.personId;
          delete s.nudge.remindAt;
        }
      });
      return { change: { kind: 'nudge', before: before!, after: state.nudge } };
    },

    async undo(change) {
      const now = (s: ReminderState) => (change.kind === 'hold' ? s.holds[change.personId] : s.nudge);
      // Nothing to write when it is as it was already.
      if (sameValue(now(await store.state()), change.before)) return;
      await store.updateState((s) => {
        // Checked again inside the write, which no other write of the store can come between.
        if (sameValue(now(s), change.before)) return;
        if (!sameValue(now(s), change.after))
          throw new AppError('conflict', 'That changed again since, so it was left as it is now.');
        if (change.kind === 'nudge') s.nudge = change.before;
        else if (change.before) s.holds[change.personId] = change.before;
        else delete s.holds[change.personId];
      });
    },
  };
}

/** The same stored value: compared as the settings store keeps it (JSON, so no undefined members), in any key order. */
function sameValue(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(plain(a), plain(b));
}
const plain = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** 19:00 today, or two hours from now when it is already evening. */
export function tonightAfter(now: Date, zone: string): Date {
  const evening = instantAt(wallClock(now, zone).day, parseTime(TONIGHT_AT), zone);
  return evening.getTime() > now.getTime() ? evening : new Date(now.getTime() + 2 * 3_600_000);
}

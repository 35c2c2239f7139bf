import { merge, Subject, type Observable } from 'rxjs';
import { libraryStarters } from '../../../shared/content/library.ts';
import { effectiveCadence, UNTRACKED } from '../../../shared/domain/keep-in-touch/status.ts';
import { draftNudge, pickNudge, type NudgeCandidate } from '../../../shared/domain/reminders/nudge.ts';
import { personStatus, schedule, type DuePerson, type Schedule } from '../../../shared/domain/reminders/schedule.ts';
import {
  afterQuietHours,
  type ReminderSettings,
  type ReminderState,
} from '../../../shared/domain/reminders/settings.ts';
import {
  DUE_SUMMARY_PEOPLE,
  TODAY_LIST_LIMIT,
  type DueSummary,
  type NudgeView,
  type TodayItem,
  type TodayView,
} from '../../../shared/domain/reminders/views.ts';
import { formatTime, wallClock } from '../../../shared/domain/reminders/zoned.ts';
import type { InteractionType } from '../../../shared/domain/interaction.ts';
import type { TierCadences } from '../../../shared/domain/cadence.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import type { Clock } from '../clock.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { AreaApis } from '../context.ts';
import { KEEP_IN_TOUCH } from '../settings/keep-in-touch.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { balanceWith } from '../interactions/reads.ts';
import { birthdaysAhead } from './birthdays-ahead.ts';
import { dueSoonRows } from './candidates.ts';
import { comingThisWeek, type ComingPerson } from './this-week.ts';
import { withFollowUpTexts } from './follow-up-texts.ts';
import { sharedSnapshots } from './shared-snapshot.ts';
import { loadReminderData, withUnreadPeople, type ReminderData } from './inputs.ts';
import { createLaterActions, type LaterActions } from './later.ts';
import { liveRecompute, reminderChanges, type Timers } from './live.ts';
import type { TodayMemory } from './remembered-today.ts';
import type { ReminderStore } from './store.ts';
import type { WriteJournal } from '../lifecycle/write-journal.ts';
import type { ReminderChange } from '../../../shared/ipc/channels/reminders.ts';

/** Days ahead the Today screen lists birthdays. */
export const BIRTHDAYS_AHEAD_DAYS = 30;
/** Only this many due people are weighed for the nudge (reciprocity needs a query each). */
const NUDGE_POOL = 30;

/** One consistent read of everything reminders depend on, at one instant. */
export interface Snapshot {
  now: Date;
  zone: string;
  data: ReminderData;
  state: ReminderState;
  settings: ReminderSettings;
  tiers: TierCadences;
  schedule: Schedule;
}

/**
 * Whom a snapshot reads: those who can be on Today or in the tray (candidates.ts), or everyone
 * (the calendar file lists every tracked person's next due day and every birthday).
 */
export type SnapshotScope = 'due-soon' | 'everyone';

/** Besides Today and Done: snooze, skip, the nudge's answers and their Undo (later.ts). */
export interface RemindersService extends LaterActions {
  snapshot(scope?: SnapshotScope): Promise<Snapshot>;
  watchToday(): Observable<TodayView>;
  watchDue(): Observable<DueSummary>;
  /** Logs an interaction with the person now; they leave every lane. Says what else it changed, for Undo. */
  done(personId: string, type: InteractionType): Promise<{ interactionId: string; changes: ReminderChange[] }>;
  /** Takes Done back: its interaction, and each change unless changed again since. */
  undoDone(interactionId: string, changes: readonly ReminderChange[]): Promise<void>;
  /**
   * Recomputes the live Today and due count now: after the computer sleeps, their timers can run
   * late (up to the loop's hourly cap), so a new day would otherwise wait for them.
   */
  wake(): void;
}

export interface RemindersDeps {
  db: RapportDatabase;
  clock: Clock;
  store: ReminderStore;
  settings: SettingsStore;
  /** Other areas, read at call time (Done logs an interaction; the nudge reads details). */
  areas: AreaApis;
  /** The user's IANA zone, asked on every run so a time-zone change is picked up. */
  timeZone: () => string;
  timers?: Timers | undefined;
  /** Done is two writes (the interaction, the hold and nudge it ends): one operation. */
  journal: Pick<WriteJournal, 'operation'>;
  /** Keeps Today's last result for the next start (absent for a read-only copy). */
  memory?: TodayMemory | undefined;
  /** The shell can show notifications (never in browser mode or the CLI). */
  notifies?: boolean | undefined;
}

export function createRemindersService(deps: RemindersDeps): RemindersService {
  const { db, clock, store } = deps;
  const wakes = new Subject<void>();
  const live = <T>(compute: () => Promise<{ value: T; nextAt: Date }>) =>
    liveRecompute(clock, merge(reminderChanges(db), wakes), compute, { timers: deps.timers });

  async function computeSnapshot(scope: SnapshotScope): Promise<Snapshot> {
    const now = clock.now();
    const zone = deps.timeZone();
    const today = wallClock(now, zone).day;
    const [state, settings, keep] = await Promise.all([
      store.state(),
      store.settings(),
      deps.settings.read(KEEP_IN_TOUCH),
    ]);
    const data = await loadReminderData(db, today, async () =>
      scope === 'everyone'
        ? (await deps.areas.people.indexRows()).values()
        : dueSoonRows(db, {
            today,
            tiers: keep.tiers,
            alsoIds: [...Object.keys(state.holds), ...(state.nudge.personId ? [state.nudge.personId] : [])],
          }),
    );
    const sched = schedule({
      now,
      timeZone: zone,
      tiers: keep.tiers,
      people: data.people,
      followUps: data.followUps,
      events: data.events,
      holds: state.holds,
    });
    return { now, zone, data, state, settings, tiers: keep.tiers, schedule: sched };
  }

  const sharedDueSoon = sharedSnapshots(deps, () => computeSnapshot('due-soon'));
  const snapshot = (scope: SnapshotScope = 'due-soon') =>
    scope === 'due-soon' ? sharedDueSoon() : computeSnapshot(scope);

  /** Today's nudge: chosen once a day and remembered, so it does not jump about as data changes. */
  async function nudgeFor(snap: Snapshot): Promise<NudgeView | null> {
    const { schedule: sched, state, data } = snap;
    let nudge = state.nudge;
    if (nudge.day !== sched.today) {
      const keep = await deps.settings.read(KEEP_IN_TOUCH);
      const due = sched.due
        .filter((p) => p.reasons.some((r) => r.kind === 'overdue' || r.kind === 'due'))
        .slice(0, NUDGE_POOL);
      const candidates: NudgeCandidate[] = [];
      for (const person of due) {
        const status = sched.statuses.get(person.id);
        const cadence = effectiveCadence(data.people.find((p) => p.id === person.id) ?? {}, keep.tiers);
        if (!status || !cadence) continue;
        candidates.push({
          id: person.id,
          status,
          idealDays: cadence.idealDays,
          maxDays: cadence.maxDays,
          reciprocityBalance: await balanceWith(db, person.id, sched.today),
        });
      }
      const personId = pickNudge(candidates, sched.today, nudge.lastSkippedId);
      if (!personId) return null;
      // A reminder state this version cannot read (a newer device wrote it) refuses the update:
      // Today then shows no nudge rather than failing whole (settings-store.ts).
      const remembered = await store
        .updateState((s) => {
          // Two computations at once (two windows showing Today) may both get here: the first
          // one's choice stands, with whatever the user has done with it since.
          if (s.nudge.day === sched.today) return;
          s.nudge = {
            day: sched.today,
            personId,
            skipsInARow: s.nudge.skipsInARow,
            ...(s.nudge.lastSkippedId ? { lastSkippedId: s.nudge.lastSkippedId } : {}),
          };
        })
        .catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'conflict') return undefined;
          throw error;
        });
      if (!remembered) return null;
      nudge = remembered.nudge;
    }
    const person = data.people.find((p) => p.id === nudge.personId);
    if (!person) return null;
    const details = await deps.areas.details.openFor(person.id);
    const draft = draftNudge(
      {
        firstName: person.givenName ?? person.displayName.split(/\s+/)[0] ?? '',
        details,
        lastInteractionOn: person.lastInteractionOn,
        today: sched.today,
        smallerStep: nudge.skipsInARow >= 2,
      },
      libraryStarters(),
    );
    return {
      personId: person.id,
      displayName: person.displayName,
      lines: draft.lines,
      step: draft.step,
      smallerStep: nudge.skipsInARow >= 2,
      ...(nudge.outcome ? { outcome: nudge.outcome } : {}),
      ...(nudge.remindAt ? { remindAt: nudge.remindAt } : {}),
      ...(nudge.outcome === 'tonight' ? tonightReminder(nudge.remindAt, snap) : {}),
    };
  }

  /** How the nudge put off until tonight will remind: a notification (when quiet hours let it), or only Today. */
  function tonightReminder(remindAt: string | undefined, snap: Snapshot): Pick<NudgeView, 'remindBy' | 'notifiesAt'> {
    if (!deps.notifies || !snap.settings.notifications || !remindAt) return { remindBy: 'today' };
    const at = afterQuietHours(new Date(remindAt), snap.settings.quietHours, snap.zone).toISOString();
    return { remindBy: 'notification', ...(at !== remindAt ? { notifiesAt: at } : {}) };
  }

  async function todayView(): Promise<{ value: TodayView; nextAt: Date }> {
    const snap = await snapshot();
    const { schedule: sched, data } = snap;
    const overdue = sched.due.filter((p) => p.reasons[0]!.kind === 'overdue');
    const due = sched.due.filter((p) => p.reasons[0]!.kind !== 'overdue');
    const thisWeek = await comingThisWeek(db, snap);
    const birthdays = await birthdaysAhead(db, sched.today, BIRTHDAYS_AHEAD_DAYS, TODAY_LIST_LIMIT);
    const first = <T>(list: T[]) => list.slice(0, TODAY_LIST_LIMIT);
    const shown = [first(overdue), first(due), first(thisWeek)].flat();
    const people = await withUnreadPeople(db, data.people, shown);
    const item = (p: DuePerson | ComingPerson): TodayItem => {
      const person = people.get(p.id);
      return {
        id: p.id,
        displayName: p.displayName,
        ...(person?.tier ? { tier: person.tier } : {}),
        // As the scheduler has it; someone it did not read has no hold (those are read).
        status:
          sched.statuses.get(p.id) ?? (person ? personStatus(person, undefined, snap.tiers, sched.today) : UNTRACKED),
        reasons: p.reasons,
      };
    };
    const value: TodayView = {
      today: sched.today,
      overdue: await withFollowUpTexts(db, first(overdue).map(item)),
      due: await withFollowUpTexts(db, first(due).map(item)),
      thisWeek: await withFollowUpTexts(db, first(thisWeek).map(item)),
      nudge: await nudgeFor(snap),
      birthdays: birthdays.first,
      totals: { overdue: overdue.length, due: due.length, thisWeek: thisWeek.length, birthdays: birthdays.total },
    };
    return { value, nextAt: sched.nextChangeAt };
  }

  async function assertPerson(personId: string) {
    if (!(await db.contacts.findOne(personId).exec())) throw new AppError('not_found', 'That person no longer exists.');
  }

  const later = createLaterActions({ clock, store, timeZone: deps.timeZone, assertPerson });

  return {
    snapshot,
    wake: () => wakes.next(),
    watchToday: () => live(deps.memory ? deps.memory.remembering(todayView) : todayView),
    watchDue: () =>
      live(async () => {
        const snap = await snapshot();
        const { due } = snap.schedule;
        const people = due.slice(0, DUE_SUMMARY_PEOPLE).map((p) => ({
          id: p.id,
          displayName: p.displayName,
          reasons: p.reasons.map((r) => r.kind),
        }));
        return {
          value: { today: snap.schedule.today, count: due.length, people },
          nextAt: snap.schedule.nextChangeAt,
        };
      }),

    async done(personId, type) {
      await assertPerson(personId);
      const now = clock.now();
      const { day, minutes } = wallClock(now, deps.timeZone());
      return deps.journal.operation('getting in touch', async () => {
        const logged = await deps.areas.interactions.log({
          interaction: {
            type,
            date: day,
            time: formatTime(minutes),
            contactIds: [personId],
            gave: [],
            asked: [],
            mutual: false,
          },
          newPeople: [],
          details: [],
        });
        const changes: ReminderChange[] = [];
        await store.updateState((s) => {
          // Being in touch ends any snooze; a skip no longer matters once they are.
          const hold = s.holds[personId];
          if (hold) changes.push({ kind: 'hold', personId, before: structuredClone(hold) });
          delete s.holds[personId];
          if (s.nudge.personId === personId && s.nudge.day === day) {
            const before = structuredClone(s.nudge);
            s.nudge.outcome = 'done';
            s.nudge.skipsInARow = 0;
            delete s.nudge.remindAt;
            changes.push({ kind: 'nudge', before, after: structuredClone(s.nudge) });
          }
        });
        return { interactionId: logged.id, changes };
      });
    },

    async undoDone(interactionId, changes) {
      await deps.journal.operation('the undo of getting in touch', async () => {
        await deps.areas.interactions.remove(interactionId);
        for (const change of changes) {
          // Changed again since (snoozed again, another nudge): left as it is now.
          await later.undo(change).catch((error: unknown) => {
            if (!(error instanceof AppError && error.code === 'conflict')) throw error;
          });
        }
      });
    },

    ...later,
  };
}

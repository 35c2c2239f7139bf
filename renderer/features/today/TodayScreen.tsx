import type { TodayView } from '../../../shared/domain/reminders/views.ts';
import { rapport } from '../../api/rapport.ts';
import { useLive } from '../../api/useLive.ts';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { DueLanes } from './DueLanes.tsx';
import { NudgeCard } from './NudgeCard.tsx';
import { UpcomingBirthdays } from './UpcomingBirthdays.tsx';

/** Today: the nudge, who is due (with Done, Snooze and Skip), and upcoming birthdays; one live query. */
export function TodayScreen() {
  const today = useLive<TodayView>((onResult) => rapport().reminders.watchToday({}, onResult), 'today');
  return (
    <section aria-labelledby="screen-title">
      <ScreenHeading>Today</ScreenHeading>
      <p className="lead">
        Give each person a rhythm (on their page, under Edit) and Rapport tells you when it is time to get in touch.
      </p>
      {today.status === 'loading' ? <p role="status">Loading…</p> : null}
      {today.status === 'error' ? (
        <p role="alert" className="field-error">
          {today.error.message}
        </p>
      ) : null}
      {today.status === 'ready' ? (
        <>
          <NudgeCard nudge={today.data.nudge} />
          <DueLanes view={today.data} />
          <UpcomingBirthdays birthdays={today.data.birthdays} />
        </>
      ) : null}
    </section>
  );
}

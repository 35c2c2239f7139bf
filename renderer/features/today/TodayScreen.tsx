import { useState } from 'react';
import type { TodayView } from '../../../shared/domain/reminders/views.ts';
import { usePeopleCount } from '../../api/PeopleProvider.tsx';
import { rapport } from '../../api/rapport.ts';
import { useLive } from '../../api/useLive.ts';
import { formatWeekday } from '../../ui/dates.ts';
import { LiveError } from '../../ui/LiveError.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { DueLanes } from './DueLanes.tsx';
import { NudgeCard } from './NudgeCard.tsx';
import { UpcomingBirthdays } from './UpcomingBirthdays.tsx';
import { WeeklyTouches } from './WeeklyTouches.tsx';
import { Welcome, type WelcomeStep } from './Welcome.tsx';
import { TourDialog } from './TourDialog.tsx';
import { ImportDialog } from '../backup/ImportDialog.tsx';
import { AddPersonDialog } from '../people/AddPersonDialog.tsx';
import './today.css';

/** Today: the nudge, who is due (with Done, Snooze and Skip), and upcoming birthdays; one live query. */
export function TodayScreen() {
  const today = useLive<TodayView>((onResult) => rapport().reminders.watchToday({}, onResult), []);
  const people = usePeopleCount();
  const firstRun = people.status === 'ready' && people.data.everyone === 0;
  const [step, setStep] = useState<WelcomeStep | null>(null);
  return (
    <section aria-labelledby="screen-title" className="screen today">
      <div className="screen-top">
        <div>
          <ScreenHeading>Today</ScreenHeading>
          <p className="lead">{today.status === 'ready' ? formatWeekday(today.data.today) : ' '}</p>
        </div>
      </div>
      {firstRun ? <Welcome onOpen={setStep} /> : null}
      <ImportDialog open={step === 'import'} onClose={() => setStep(null)} />
      <AddPersonDialog open={step === 'add'} onClose={() => setStep(null)} />
      <TourDialog open={step === 'tour'} onClose={() => setStep(null)} />
      <LiveError state={today} what="Today’s reminders" />
      {today.status === 'loading' ? <p className="muted">Loading…</p> : null}
      {today.status === 'ready' && !firstRun ? (
        <>
          <NudgeCard nudge={today.data.nudge} />
          <WeeklyTouches />
          <DueLanes view={today.data} />
          <UpcomingBirthdays birthdays={today.data.birthdays} total={today.data.totals.birthdays} />
        </>
      ) : null}
    </section>
  );
}

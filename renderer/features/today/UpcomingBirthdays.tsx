import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { useState } from 'react';
import type { TodayView } from '../../../shared/domain/reminders/views.ts';
import { openPerson } from '../../navigation/useScreen.ts';
import { downloadIcs } from './download.ts';

const when = (inDays: number, on: string) =>
  inDays === 0 ? 'Today' : inDays === 1 ? 'Tomorrow' : format(parseISO(on), 'EEE d MMM');

/** Birthdays in the next 30 days, and the calendar export for the user's own calendar app. */
export function UpcomingBirthdays({ birthdays }: { birthdays: TodayView['birthdays'] }) {
  const [error, setError] = useState('');
  return (
    <section className="card" aria-labelledby="birthdays-title">
      <h2 id="birthdays-title">Upcoming birthdays</h2>
      {birthdays.length ? (
        <ul className="plain">
          {birthdays.map((b) => (
            <li key={b.personId}>
              <a
                href={`#/people/${encodeURIComponent(b.personId)}`}
                onClick={(e) => {
                  e.preventDefault();
                  openPerson(b.personId);
                }}
              >
                {b.displayName}
              </a>
              {' · '}
              {when(b.inDays, b.on)}
              {b.turning !== undefined ? ` · turns ${b.turning}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">No birthdays in the next 30 days.</p>
      )}
      <button type="button" onClick={() => void downloadIcs().then((e) => setError(e ?? ''))}>
        Add to my calendar (.ics)
      </button>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

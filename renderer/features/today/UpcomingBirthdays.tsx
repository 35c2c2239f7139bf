import { CalendarPlus } from 'lucide-react';
import type { TodayView } from '../../../shared/domain/reminders/views.ts';
import { useRequest } from '../../api/request.ts';
import { openPerson } from '../../navigation/useScreen.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { formatWeekdayShort } from '../../ui/dates.ts';
import { formatCount } from '../../ui/counted.ts';
import { downloadIcs } from './download.ts';

const when = (inDays: number, on: string) =>
  inDays === 0 ? 'Today' : inDays === 1 ? 'Tomorrow' : formatWeekdayShort(on);

/** Birthdays in the next 30 days, and the calendar export for the user's own calendar app. */
export function UpcomingBirthdays({ birthdays, total }: { birthdays: TodayView['birthdays']; total: number }) {
  const request = useRequest();
  return (
    <section className="card" aria-labelledby="birthdays-title">
      <div className="section-title">
        <h2 id="birthdays-title">Upcoming birthdays</h2>
        <button
          type="button"
          className="ghost small"
          onClick={() =>
            void request(downloadIcs, { action: 'export the calendar', success: () => ({ title: 'Calendar saved' }) })
          }
        >
          <CalendarPlus size={14} aria-hidden /> Add to my calendar (.ics)
        </button>
      </div>
      {birthdays.length ? (
        <ul className="plain birthday-list">
          {birthdays.map((b) => (
            <li key={b.personId}>
              <Avatar name={b.displayName} size="sm" />
              <a
                href={`#/people/${encodeURIComponent(b.personId)}`}
                onClick={(e) => {
                  e.preventDefault();
                  openPerson(b.personId);
                }}
              >
                {b.displayName}
              </a>
              <span className="muted">
                {when(b.inDays, b.on)}
                {b.turning !== undefined ? ` · turns ${b.turning}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">No birthdays in the next 30 days.</p>
      )}
      {total > birthdays.length ? (
        <p className="muted small list-rest">And {formatCount(total - birthdays.length)} more in the next 30 days.</p>
      ) : null}
    </section>
  );
}

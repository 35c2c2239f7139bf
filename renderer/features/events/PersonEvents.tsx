import type { PersonEvent } from '../../../shared/ipc/channels/events.ts';
import { rapport } from '../../api/rapport.ts';
import { useLive } from '../../api/useLive.ts';
import { formatDate } from '../../ui/dates.ts';
import { LiveError } from '../../ui/LiveError.tsx';

const RELATION_WORDS: Record<PersonEvent['relation'], string> = {
  met: 'Met at',
  attended: 'Also attended',
  going: 'Going to',
};

/** On a person's page: where you met them, other events they were at, events they're going to. */
export function PersonEvents({ contactId }: { contactId: string }) {
  const events = useLive<PersonEvent[]>(
    (onResult) => rapport().events.watchForPerson({ contactId }, onResult),
    [contactId],
  );
  if (events.status === 'error') return <LiveError state={events} what="this person’s events" />;
  if (events.status !== 'ready' || !events.data.length) return null;
  return (
    <section className="card" aria-labelledby="person-events-title">
      <h2 id="person-events-title" className="section-title">
        Events
      </h2>
      <ul className="plain-list person-events">
        {events.data.map((e) => (
          <li key={e.id}>
            <span className="muted small">{RELATION_WORDS[e.relation]} </span>
            <a href={`#/events/${encodeURIComponent(e.id)}`}>{e.name}</a>
            <span className="muted small"> · {formatDate(e.startsOn)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

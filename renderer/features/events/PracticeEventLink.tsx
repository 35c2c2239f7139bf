import type { PracticeLink } from '../../../shared/ipc/channels/events.ts';
import { rapport } from '../../api/rapport.ts';
import { useLive, type LiveState } from '../../api/useLive.ts';
import { formatDate } from '../../ui/dates.ts';
import './events.css';

/** Every ladder step chosen as an event's practice; one live query for the whole ladder list. */
export function usePracticeLinks(): LiveState<PracticeLink[]> {
  return useLive<PracticeLink[]>((onResult) => rapport().events.watchPracticeLinks({}, onResult), []);
}

/** "For DevConf (18 Mar)": the events where this step is the practice, linked back to them. */
export function PracticeEventLink({ links, stepId }: { links: LiveState<PracticeLink[]>; stepId: string }) {
  const mine = (links.status === 'ready' ? links.data : []).filter((l) => l.stepId === stepId);
  if (!mine.length) return null;
  return (
    <span className="small practice-event-link">
      {mine.map((l, i) => (
        <span key={l.eventId}>
          {i ? ', ' : 'For '}
          <a href={`#/events/${encodeURIComponent(l.eventId)}`}>{l.name}</a> ({formatDate(l.startsOn)})
        </span>
      ))}
    </span>
  );
}

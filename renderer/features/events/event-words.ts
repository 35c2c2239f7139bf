import { EVENT_KIND_LABELS, type EventRecord } from '../../../shared/domain/events/model.ts';
import { formatDate } from '../../ui/dates.ts';

/** "18 Mar 2026 – 19 Mar 2026 · Leeds Dock" */
export function whenAndWhere(
  event: Pick<EventRecord, 'startsOn' | 'endsOn' | 'startTime' | 'endTime' | 'place' | 'sessions'>,
): string {
  const times = event.startTime ? `, ${event.startTime}${event.endTime ? `–${event.endTime}` : ''}` : '';
  // An end on the start's own day (an .ics all-day event often says so) is one day, not a range.
  const dates =
    event.endsOn && event.endsOn !== event.startsOn
      ? `${formatDate(event.startsOn)} – ${formatDate(event.endsOn)}`
      : formatDate(event.startsOn) + times;
  const sessions = event.sessions.length > 1 ? ` · ${event.sessions.length} sessions` : '';
  return [dates + sessions, event.place].filter(Boolean).join(' · ');
}

export const kindLabel = (event: Pick<EventRecord, 'kind'>) => EVENT_KIND_LABELS[event.kind];

export const REASON_WORDS = {
  going: 'Going',
  organisation: 'Same organisation',
  tag: 'Shared tag',
  'past-event': 'Met at a past edition',
} as const;

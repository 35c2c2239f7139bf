import { expect, it } from 'vitest';
import { whenAndWhere } from './event-words.ts';

it('says when an event starts (and ends) on its day, and where', () => {
  const evening = { startsOn: '2026-12-03', startTime: '18:30', place: 'Shoreditch Works', sessions: [] };
  expect(whenAndWhere(evening)).toBe('3 Dec 2026, 18:30 · Shoreditch Works');
  expect(whenAndWhere({ ...evening, endTime: '21:00' })).toBe('3 Dec 2026, 18:30–21:00 · Shoreditch Works');
  expect(whenAndWhere({ startsOn: '2026-12-03', endsOn: '2026-12-04', sessions: [] })).toBe('3 Dec 2026 – 4 Dec 2026');
  // Ending on its start day is one day, not "5 Dec 2026 – 5 Dec 2026".
  expect(whenAndWhere({ ...evening, endsOn: '2026-12-03' })).toBe('3 Dec 2026, 18:30 · Shoreditch Works');
});

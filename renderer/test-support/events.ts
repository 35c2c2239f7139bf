import type { EventRecord } from '../../shared/domain/events/model.ts';
import { TODAY } from './render.tsx';

/** A saved meet-up today, nobody marked going; `fields` changes what a test is about. */
export const eventRecord = (fields: Partial<EventRecord> = {}): EventRecord => ({
  id: 'e1',
  kind: 'meet-up',
  name: 'Leeds JS',
  startsOn: TODAY,
  goal: 'Meet two new people',
  organisations: [],
  tags: [],
  sessions: [],
  going: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

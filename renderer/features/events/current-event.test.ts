import { describe, expect, it } from 'vitest';
import type { EventListItem } from '../../../shared/ipc/channels/events.ts';
import { currentEvent } from './current-event.ts';

const event = (id: string, startsOn: string, lastDay = startsOn): EventListItem => ({
  id,
  kind: 'meet-up',
  name: id,
  startsOn,
  sessions: [],
  goal: 'One or two genuine connections',
  organisations: [],
  tags: [],
  going: [],
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  metCount: 0,
  lastDay,
});

describe('currentEvent', () => {
  const events = [
    event('later', '2026-03-25'),
    event('conf', '2026-03-17', '2026-03-19'),
    event('drinks', '2026-03-18'),
  ];
  it.each<[string, string, { screen: string; param?: string } | undefined, string | undefined]>([
    ['the event whose page is open wins', '2026-03-18', { screen: 'events', param: 'later' }, 'later'],
    ['else the earliest running today', '2026-03-18', undefined, 'conf'],
    ['else one that ended yesterday', '2026-03-20', undefined, 'conf'],
    ['else one that starts tomorrow', '2026-03-24', undefined, 'later'],
    ['nothing near', '2026-03-22', undefined, undefined],
    ['an unknown page falls back to today', '2026-03-18', { screen: 'events', param: 'gone' }, 'conf'],
  ])('%s', (_label, today, route, id) => expect(currentEvent(events, today, route)?.id).toBe(id));
});

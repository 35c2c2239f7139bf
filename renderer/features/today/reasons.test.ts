import { expect, it } from 'vitest';
import type { DueReasonView } from '../../../shared/domain/reminders/views.ts';
import { reasonText } from './reasons.ts';

const metAt = (dueAt: string): DueReasonView => ({
  kind: 'event-follow-up',
  interactionId: 'i1',
  eventType: 'meet-up',
  metOn: '2026-12-03',
  dueAt,
});

it('says since when an event follow-up is late, and nothing more on the day it comes due', () => {
  const dueAt = new Date(2026, 11, 5, 12).toISOString(); // noon on 5 December, local time
  expect(reasonText(metAt(dueAt), '2026-12-05')).toBe('Follow up: met at a meet-up on 3 Dec');
  expect(reasonText(metAt(dueAt), '2026-12-10')).toBe('Follow up: met at a meet-up on 3 Dec, due since 5 Dec');
});

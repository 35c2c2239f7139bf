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

it('says since when an event follow-up is late, and that it is today on the day it comes due', () => {
  const dueAt = new Date(2026, 11, 5, 12).toISOString(); // noon on 5 December, local time
  expect(reasonText(metAt(dueAt), '2026-12-05')).toBe('Follow up today: met at a meet-up on 3 Dec');
  expect(reasonText(metAt(dueAt), '2026-12-10')).toBe('Follow up: met at a meet-up on 3 Dec, due since 5 Dec');
});

it('says by when an event follow-up still to come is due (This week)', () => {
  const dueAt = new Date(2026, 11, 5, 12).toISOString();
  expect(reasonText(metAt(dueAt), '2026-12-04')).toBe('Follow up by 5 Dec: met at a meet-up on 3 Dec');
});

it('says when a follow-up still to come is, and when a snoozed person is back', () => {
  const followUp: DueReasonView = {
    kind: 'follow-up',
    detailId: 'd1',
    followUpOn: '2026-12-08',
    text: 'Job interview',
  };
  expect(reasonText(followUp, '2026-12-03')).toBe('Ask about on 8 Dec: Job interview');
  expect(reasonText(followUp, '2026-12-08')).toBe('Ask about: Job interview');
  expect(reasonText({ kind: 'snoozed', until: '2026-12-10' }, '2026-12-03')).toBe('Back on 10 Dec (snoozed)');
});

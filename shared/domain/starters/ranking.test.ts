import { describe, expect, it } from 'vitest';
import type { InteractionType } from '../interaction.ts';
import { windowFor } from './ranking.ts';

describe('windowFor', () => {
  it.each([
    [undefined, 'call', 'none'],
    ['not-a-date', 'call', 'none'],
    ['2026-03-20', 'call', 'none'],
    ['2026-03-14', 'conference', 'follow-up'],
    ['2026-03-12', 'meet-up', 'follow-up'],
    ['2026-03-11', 'course', 'late-follow-up'],
    ['2026-02-12', 'conference', 'late-follow-up'],
    ['2026-02-11', 'conference', 'check-in'],
    ['2026-03-12', 'coffee', 'recent'],
    ['2026-03-01', 'call', 'recent'],
    ['2026-02-28', 'call', 'check-in'],
    ['2025-09-15', 'email', 'check-in'],
    ['2025-09-14', 'email', 'reconnect'],
    ['2023-01-01', 'conference', 'reconnect'],
  ] as const)('last spoke %s (%s): %s', (date, type, window) => {
    const last = date === undefined ? undefined : { date, type: type as InteractionType };
    expect(windowFor(last, '2026-03-14')).toBe(window);
  });
});

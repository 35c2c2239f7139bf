import { describe, expect, it } from 'vitest';
import { formatDate, formatRelative, formatWeekOf, formatWeekday, setDateLocale } from './dates.ts';

describe('dates', () => {
  it('writes dates in the user’s locale', () => {
    setDateLocale('en-GB');
    expect(formatDate('2026-03-14')).toBe('14 Mar 2026');
    expect(formatWeekday('2026-03-11')).toBe('Wednesday 11 March');
    expect(formatWeekOf('2026-03-11')).toBe('9 March 2026');
    setDateLocale('en-US');
    expect(formatDate('2026-03-14')).toBe('Mar 14, 2026');
    setDateLocale('en-GB');
  });

  it('says how long ago, or how soon, in words', () => {
    const today = '2026-03-10';
    expect(formatRelative('2026-03-10', today)).toBe('today');
    expect(formatRelative('2026-03-09', today)).toBe('yesterday');
    expect(formatRelative('2026-03-07', today)).toBe('3 days ago');
    expect(formatRelative('2026-03-24', today)).toBe('in 2 weeks');
    expect(formatRelative('2025-12-10', today)).toBe('3 months ago');
    expect(formatRelative('2024-01-10', today)).toBe('2 years ago');
  });
});

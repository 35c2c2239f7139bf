import { describe, expect, it } from 'vitest';
import { afterQuietHours } from './settings.ts';
import { dayIn, instantAt, startOfDay, startOfNextDay, wallClock } from './zoned.ts';

describe('wall-clock time in a zone', () => {
  it.each([
    // zone, day, time, expected instant
    ['Europe/London', '2026-01-15', '09:00', '2026-01-15T09:00:00.000Z'],
    ['Europe/London', '2026-07-15', '09:00', '2026-07-15T08:00:00.000Z'],
    // Spring forward (01:00 → 02:00): 01:30 does not exist and moves forward to 02:30 BST.
    ['Europe/London', '2026-03-29', '01:30', '2026-03-29T01:30:00.000Z'],
    // Fall back: 01:30 happens twice; the earlier (BST) one is meant.
    ['Europe/London', '2026-10-25', '01:30', '2026-10-25T00:30:00.000Z'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00.000Z'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'],
    ['America/New_York', '2026-11-01', '00:00', '2026-11-01T04:00:00.000Z'],
    // Santiago skips midnight itself: the day starts at 01:00.
    ['America/Santiago', '2026-09-06', '00:00', '2026-09-06T04:00:00.000Z'],
    ['Asia/Kolkata', '2026-02-28', '23:59', '2026-02-28T18:29:00.000Z'],
  ])('%s %s %s is %s', (zone, day, time, expected) => {
    const [h, m] = time.split(':').map(Number) as [number, number];
    expect(instantAt(day, h * 60 + m, zone).toISOString()).toBe(expected);
  });

  it('reads the local day and minute back from an instant', () => {
    expect(wallClock(new Date('2026-03-29T01:30:00Z'), 'Europe/London')).toEqual({ day: '2026-03-29', minutes: 150 });
    expect(dayIn(new Date('2026-03-08T03:00:00Z'), 'America/New_York')).toBe('2026-03-07');
    expect(dayIn(new Date('2024-02-29T23:30:00Z'), 'Pacific/Auckland')).toBe('2024-03-01');
  });

  it('knows a DST day is 23 or 25 hours long', () => {
    const hours = (day: string, next: string, zone: string) =>
      (startOfDay(next, zone).getTime() - startOfDay(day, zone).getTime()) / 3_600_000;
    expect(hours('2026-03-29', '2026-03-30', 'Europe/London')).toBe(23);
    expect(hours('2026-10-25', '2026-10-26', 'Europe/London')).toBe(25);
    expect(hours('2026-03-08', '2026-03-09', 'America/New_York')).toBe(23);
    expect(startOfNextDay(new Date('2026-11-01T12:00:00Z'), 'America/New_York').toISOString()).toBe(
      '2026-11-02T05:00:00.000Z',
    );
  });

  it('rejects an unknown zone instead of silently using UTC', () => {
    expect(() => instantAt('2026-01-01', 0, 'Mars/Olympus')).toThrow(/time zone/);
  });
});

describe('quiet hours', () => {
  const overnight = { enabled: true, start: '22:00', end: '07:00' };
  it.each([
    ['23:30 moves to 07:00 the next morning', '2026-06-10T22:30:00Z', overnight, '2026-06-11T06:00:00.000Z'],
    ['06:00 moves to 07:00 the same morning', '2026-06-10T05:00:00Z', overnight, '2026-06-10T06:00:00.000Z'],
    ['noon is untouched', '2026-06-10T11:00:00Z', overnight, '2026-06-10T11:00:00.000Z'],
    ['07:00 itself is outside', '2026-06-10T06:00:00Z', overnight, '2026-06-10T06:00:00.000Z'],
    [
      'a daytime window (12:00–14:00) defers 13:00 to 14:00',
      '2026-06-10T12:00:00Z',
      { enabled: true, start: '12:00', end: '14:00' },
      '2026-06-10T13:00:00.000Z',
    ],
    [
      'switched off, nothing moves',
      '2026-06-10T22:30:00Z',
      { ...overnight, enabled: false },
      '2026-06-10T22:30:00.000Z',
    ],
    // The night the clocks go forward, 07:00 BST is 06:00 UTC and the night is an hour shorter.
    [
      'across spring forward the morning is still 07:00 local',
      '2026-03-28T23:00:00Z',
      overnight,
      '2026-03-29T06:00:00.000Z',
    ],
  ])('%s', (_name, at, quiet, expected) => {
    expect(afterQuietHours(new Date(at), quiet, 'Europe/London').toISOString()).toBe(expected);
  });
});

import { tzOffset } from '@date-fns/tz/tzOffset';
import { afterEach, describe, expect, it } from 'vitest';
import { instantAt, offsetMinutes, setLocalZone, wallClock } from '../../../shared/domain/reminders/zoned.ts';
import { systemTimeZone } from './system-zone.ts';

/** Zones with every kind of rule: DST both sides of the equator, half and quarter hours, a skipped day. */
const ZONES = [
  'Europe/London',
  'America/New_York',
  'America/St_Johns',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Africa/Casablanca',
  'America/Santiago',
  'Antarctica/Troll',
  'UTC',
];
const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
  setLocalZone(undefined);
});

/** A small deterministic generator, so a failure names an instant that can be checked again. */
function instants(seed: number, count: number): Date[] {
  let x = seed;
  const next = () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const from = Date.UTC(1971, 0, 1);
  const to = Date.UTC(2099, 11, 31);
  return Array.from({ length: count }, () => new Date(from + Math.floor(next() * (to - from))));
}

describe('offsets in the zone the process runs in', () => {
  it.each(ZONES)('come from Date exactly as ICU gives them: %s', (zone) => {
    process.env.TZ = zone;
    setLocalZone({ name: zone, holds: () => process.env.TZ === zone });
    const hours = Array.from(
      { length: 24 * 366 * 2 },
      (_, h) => new Date(Date.UTC(2026, 0, 1) + h * 3_600_000 + 1_800_000),
    );
    for (const at of [...instants(zone.length, 3000), ...hours]) {
      const fromDate = offsetMinutes(zone, at);
      const fromIcu = tzOffset(zone, at);
      if (fromDate !== fromIcu)
        expect({ zone, at: at.toISOString(), fromDate }).toEqual({ zone, at: at.toISOString(), fromDate: fromIcu });
    }
    // The wall-clock rules built on them agree too, across a year of days in both directions.
    for (let d = 0; d < 366; d += 7) {
      const day = new Date(Date.UTC(2027, 0, 1 + d)).toISOString().slice(0, 10);
      const at = instantAt(day, 9 * 60 + 30, zone);
      expect(wallClock(at, zone).day).toBe(day);
    }
  });

  it('are taken from Date while the zone holds, without asking ICU', () => {
    process.env.TZ = 'Asia/Tokyo';
    // A deliberately false claim shows where the figure comes from: Tokyo's offset under London's name.
    setLocalZone({ name: 'Europe/London', holds: () => true });
    expect(offsetMinutes('Europe/London', new Date('2026-07-01T12:00:00Z'))).toBe(540);
  });

  it('are not taken from Date once TZ no longer names that zone', () => {
    process.env.TZ = 'Europe/London';
    setLocalZone({ name: 'Europe/London', holds: () => process.env.TZ === 'Europe/London' });
    process.env.TZ = 'Asia/Tokyo';
    expect(offsetMinutes('Europe/London', new Date('2026-07-01T12:00:00Z'))).toBe(60);
  });
});

describe('the system zone', () => {
  it('is read from TZ when it names a zone, and from ICU when it does not', () => {
    process.env.TZ = 'America/New_York';
    expect(systemTimeZone()).toBe('America/New_York');
    process.env.TZ = 'EST5EDT4,M3.2.0,M11.1.0';
    expect(systemTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});

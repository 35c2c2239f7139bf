import { tzOffset } from '@date-fns/tz/tzOffset';
import { addCalendarDays } from '../keep-in-touch/days.ts';

/**
 * Wall-clock time in an IANA time zone, without reading the system clock or its zone.
 *
 * Why not `new TZDate(y, m, d, h, min, zone)`: around a fall-back change it picks the earlier
 * occurrence of an ambiguous time in some zones and the later in others (measured: New York
 * earlier, London later), and reminders must behave the same everywhere. The rules here:
 *
 * - **Gap** (spring forward, the wall time does not exist): the time moves forward by the
 *   length of the gap, so 01:30 on the day London skips 01:00–02:00 means 02:30 BST.
 * - **Overlap** (fall back, the wall time happens twice): the earlier occurrence, so a reminder
 *   is never an hour late.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The zone this process's own `Date` local time is in, when known by name without asking ICU
 * (main/core/reminders/system-zone.ts), and whether that still holds. Offsets in it come from
 * `Date`, which uses the same tz data: the first `Intl.DateTimeFormat` of a process costs 12-18 ms,
 * paid by the first Today of every start before this.
 */
let localZone: { name: string; holds: () => boolean } | undefined;
export function setLocalZone(zone: typeof localZone): void {
  localZone = zone;
}

/** Minutes of offset east of UTC in `zone` at `at` (London in summer: 60). */
export function offsetMinutes(zone: string, at: Date): number {
  if (zone === localZone?.name && localZone.holds()) return 0 - at.getTimezoneOffset();
  const offset = tzOffset(zone, at);
  if (Number.isNaN(offset)) throw new RangeError(`Unknown time zone "${zone}"`);
  return offset;
}

/** Whether `zone` is an IANA name this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall-clock day (`YYYY-MM-DD`) and minute of the day at an instant in `zone`. */
export function wallClock(at: Date, zone: string): { day: string; minutes: number } {
  const shifted = new Date(at.getTime() + offsetMinutes(zone, at) * MINUTE);
  const day = `${String(shifted.getUTCFullYear()).padStart(4, '0')}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  return { day, minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() };
}

/** The calendar day in `zone` at an instant. */
export function dayIn(at: Date, zone: string): string {
  return wallClock(at, zone).day;
}

/** `HH:mm` → minutes after midnight. The format is checked by the zod schemas that carry it. */
export function parseTime(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Minutes after midnight → `HH:mm`. */
export function formatTime(minutes: number): string {
  return `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
}

/**
 * The instant when the wall clock in `zone` shows `day` at `minutes` past midnight (gap and
 * overlap rules above). `minutes` may be 1440 or more to mean the following days.
 */
export function instantAt(day: string, minutes: number, zone: string): Date {
  const [y, m, d] = [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
  const asIfUtc = Date.UTC(y, m - 1, d, 0, minutes);
  // Offsets a day either side cover every real transition (none is closer together than that).
  const before = offsetMinutes(zone, new Date(asIfUtc - 24 * HOUR));
  const after = offsetMinutes(zone, new Date(asIfUtc + 24 * HOUR));
  const candidates = [before, after]
    .map((offset) => asIfUtc - offset * MINUTE)
    .filter((t) => offsetMinutes(zone, new Date(t)) * MINUTE === asIfUtc - t)
    .sort((a, b) => a - b);
  // No candidate: the time falls in a gap, read it with the offset in force before the gap.
  return new Date(candidates[0] ?? asIfUtc - before * MINUTE);
}

/** The first instant of `day` in `zone` (not always 00:00: some zones skip midnight). */
export function startOfDay(day: string, zone: string): Date {
  return instantAt(day, 0, zone);
}

/** The first instant of the day after the one `at` falls on, in `zone`. */
export function startOfNextDay(at: Date, zone: string): Date {
  return startOfDay(addCalendarDays(dayIn(at, zone), 1), zone);
}

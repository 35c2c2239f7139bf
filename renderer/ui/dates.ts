import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { parseISO } from 'date-fns/parseISO';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';

/**
 * The one place the renderer turns dates into words, in the user's locale (the browser's
 * language, or what `setDateLocale` set), relative where that reads naturally ("yesterday",
 * "3 days ago", "in 2 weeks"). Dates arrive as `YYYY-MM-DD` or ISO instants. Calendar arithmetic
 * is date-fns; the words come from Intl formatters kept per locale and options, because building
 * one per call (as date-fns' `intlFormat` does) cost whole frames while scrolling 10k people.
 */
let locale = typeof navigator === 'undefined' ? 'en-GB' : (navigator.languages?.[0] ?? navigator.language ?? 'en-GB');

/** Tests and a future language setting choose the locale. */
export function setDateLocale(tag: string): void {
  locale = tag;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function intlFormat(date: Date, options: Intl.DateTimeFormatOptions): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(locale, options)));
  return formatter.format(date);
}
const relatives = new Map<string, Intl.RelativeTimeFormat>();
function relative(value: number, unit: Intl.RelativeTimeFormatUnit): string {
  let formatter = relatives.get(locale);
  if (!formatter) relatives.set(locale, (formatter = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return formatter.format(value, unit);
}

const day = (iso: string) => parseISO(iso);
const fmt = (iso: string, options: Intl.DateTimeFormatOptions) => intlFormat(day(iso), options);

/** "14 Mar 2026" */
export const formatDate = (iso: string): string => fmt(iso, { day: 'numeric', month: 'short', year: 'numeric' });

/** "14 Mar", or "14 Mar 2025" outside the current year. */
export const formatDateShort = (iso: string, today?: string): string =>
  today && iso.slice(0, 4) !== today.slice(0, 4) ? formatDate(iso) : fmt(iso, { day: 'numeric', month: 'short' });

/** "Wednesday 11 March" */
export const formatWeekday = (iso: string): string => fmt(iso, { weekday: 'long', day: 'numeric', month: 'long' });

/** "Wed 11 Mar" */
export const formatWeekdayShort = (iso: string): string =>
  fmt(iso, { weekday: 'short', day: 'numeric', month: 'short' });

/** "9 March 2026": the Monday of the date's week. */
export const formatWeekOf = (iso: string): string =>
  intlFormat(startOfISOWeek(day(iso)), { day: 'numeric', month: 'long', year: 'numeric' });

/** "14 Mar 2026, 09:30" for an instant; with `seconds`, "14 Mar 2026, 09:30:05". */
export const formatInstant = (iso: string, seconds = false): string =>
  intlFormat(new Date(iso), { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' });

/** "14:30" (or "2:30 PM") for a `HH:mm` time of day. */
export function formatTime(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return intlFormat(new Date(2000, 0, 1, h, m), { hour: 'numeric', minute: '2-digit' });
}

/**
 * "today", "yesterday", "3 days ago", "in 2 weeks", "5 months ago", "2 years ago": calendar days
 * from `today` (the core's day, so a frozen clock in tests reads the same everywhere).
 */
export function formatRelative(iso: string, today: string): string {
  const days = differenceInCalendarDays(day(iso), day(today));
  const size = Math.abs(days);
  if (size === 0) return 'today';
  if (size < 7) return relative(days, 'day');
  if (size < 30) return relative(Math.round(days / 7), 'week');
  if (size < 365) return relative(Math.round(days / 30.44), 'month');
  return relative(Math.round(days / 365.25), 'year');
}

/** `YYYY-MM-DD` of the local calendar day `days` after `iso`. */
export function addDaysIso(iso: string, days: number): string {
  const d = day(iso);
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "14 March" or "14 March 1990" for a birthday with or without its year. */
export const formatBirthday = (b: { day: number; month: number; year?: number | undefined }): string =>
  intlFormat(
    new Date(b.year ?? 2000, b.month - 1, b.day),
    b.year ? { day: 'numeric', month: 'long', year: 'numeric' } : { day: 'numeric', month: 'long' },
  );

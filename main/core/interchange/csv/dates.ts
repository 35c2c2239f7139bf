/** Dates as contact CSVs write them. Parsed by hand: date-fns' `parse` would cover these, but
 * importing it adds about 140 MB of resident memory and 0.5 s to the start of the main process
 * (measured). */
import type { Birthday } from '../../../../shared/domain/contact.ts';
import { parseBirthday } from '../vcard/birthday.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * LinkedIn writes "Connected On" as `12 Mar 2024`, older exports as `12-Mar-24`, some tools as
 * `2024-03-12`.
 * @returns `YYYY-MM-DD`, or undefined when the text is not one of those forms or not a real day.
 */
export function parseConnectedOn(text: string): string | undefined {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const named = /^(\d{1,2})[ -]([A-Za-z]{3})[ -](\d{4}|\d{2})$/.exec(trimmed);
  if (!named) return undefined;
  // Two-digit years are this century: LinkedIn started in 2003.
  const year = named[3]!.length === 2 ? 2000 + Number(named[3]) : Number(named[3]);
  return isoDay(year, MONTHS.indexOf(named[2]!.toLowerCase()) + 1, Number(named[1]));
}

/** Outlook's "no date": the cell is there but empty. */
export const isNoDate = (text: string) => /^0?0\/0?0\/(00|0000)$/.test(text.trim());

/**
 * A birthday cell: ISO and the vCard forms (see vcard/birthday.ts), or Outlook's `M/D/YYYY`
 * (US order, which Outlook writes unless the system locale says otherwise: a first number over
 * 12 is read as the day).
 */
export function parseCsvBirthday(text: string): Birthday | undefined {
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!slashed) return parseBirthday(text, false);
  let [month, day] = [Number(slashed[1]), Number(slashed[2])];
  if (month > 12) [month, day] = [day, month];
  const iso = isoDay(Number(slashed[3]), month, day);
  return iso ? parseBirthday(iso, false) : undefined;
}

/** BDAY in the many shapes address books write it, and back. */
import type { Birthday } from '../../../../shared/domain/contact.ts';

/** Apple stores "no year" as 1604 (a leap year, so 29 February survives). */
const APPLE_NO_YEAR = 1604;

/**
 * Reads `1985-04-12`, `19850412`, `--0412`, `--04-12`, `1985/04/12`, with or without a time
 * part. Returns undefined when the text is not a date (`circa 1800`), or a year we cannot store.
 */
export function parseBirthday(raw: string, omitYear: boolean): Birthday | undefined {
  const date = raw.trim().split('T')[0] ?? '';
  let year: number | undefined;
  let month: number;
  let day: number;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(date)) || (m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(date))) {
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
  } else if ((m = /^--(\d{2})-?(\d{2})$/.exec(date))) {
    month = Number(m[1]);
    day = Number(m[2]);
  } else return undefined;
  // Year 0000 is how some phones say "unknown year".
  if (omitYear || year === APPLE_NO_YEAR || year === 0) year = undefined;
  if (year !== undefined && year < 1800) return undefined;
  return year === undefined ? { month, day } : { year, month, day };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * 4.0 writes `--MMDD` (RFC 6350). 3.0 has no year-less date, so a year-less birthday goes out
 * Apple-style: `BDAY;X-APPLE-OMIT-YEAR=1604:1604-MM-DD` — valid 3.0 syntax that macOS/iOS read
 * as "no year" and that we read back the same way.
 */
export function formatBirthday(b: Birthday, version: '3.0' | '4.0'): { params: string; value: string } {
  if (b.year !== undefined) return { params: '', value: `${pad(b.year, 4)}-${pad(b.month)}-${pad(b.day)}` };
  if (version === '4.0') return { params: '', value: `--${pad(b.month)}${pad(b.day)}` };
  return { params: `;X-APPLE-OMIT-YEAR=${APPLE_NO_YEAR}`, value: `${APPLE_NO_YEAR}-${pad(b.month)}-${pad(b.day)}` };
}

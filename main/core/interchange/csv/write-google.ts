/**
 * People as a Google Contacts CSV: the layout spreadsheets open and Google, Outlook's importer
 * and Rapport itself read back (layouts.ts detects it by `First Name` and `Labels`). Each e-mail,
 * phone, website and address gets its own numbered columns, as many as the person with the most
 * needs. What the layout has no column for (how you met, looking for, reminders, the timeline)
 * stays in the archive export; the CSV is for other apps.
 */
import Papa from 'papaparse';
import type { ContactDocument } from '../../people/schema.ts';

type Row = Record<string, string>;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD`, or vCard's `--MM-DD` without a year (both read back by csv/dates.ts). */
const birthdayText = (b: NonNullable<ContactDocument['birthday']>) =>
  `${b.year === undefined ? '-' : pad(b.year, 4)}-${pad(b.month)}-${pad(b.day)}`;

/** Numbered columns (`E-mail 1 - Label`, `E-mail 1 - Value`, …) for a list of labelled values. */
function numbered(row: Row, family: string, items: readonly { label?: string | undefined; value: string }[]) {
  items.forEach((item, i) => {
    row[`${family} ${i + 1} - Label`] = item.label ?? '';
    row[`${family} ${i + 1} - Value`] = item.value;
  });
}

function rowOf(p: ContactDocument): Row {
  const row: Row = {
    Name: p.displayName,
    'First Name': p.givenName ?? '',
    'Last Name': p.familyName ?? '',
    Nickname: p.nickname ?? '',
    'Organization Name': p.organisation ?? '',
    'Organization Title': p.role ?? '',
    Birthday: p.birthday ? birthdayText(p.birthday) : '',
    Notes: p.notes ?? '',
    Labels: p.tags.join(' ::: '),
  };
  numbered(row, 'E-mail', p.emails);
  numbered(row, 'Phone', p.phones);
  numbered(
    row,
    'Website',
    p.social.map((s) => ({ label: s.label ?? s.kind, value: s.url })),
  );
  p.addresses.forEach((a, i) => {
    const n = `Address ${i + 1}`;
    Object.assign(row, {
      [`${n} - Label`]: a.label ?? '',
      [`${n} - Street`]: a.street ?? '',
      [`${n} - City`]: a.locality ?? '',
      [`${n} - PO Box`]: a.poBox ?? '',
      [`${n} - Region`]: a.region ?? '',
      [`${n} - Postal Code`]: a.postalCode ?? '',
      [`${n} - Country`]: a.country ?? '',
      [`${n} - Extended Address`]: a.extended ?? '',
    });
  });
  return row;
}

/** Columns every export has, so an export of nobody still reads as a Google Contacts CSV. */
const NAMED = [
  'Name',
  'First Name',
  'Last Name',
  'Nickname',
  'Organization Name',
  'Organization Title',
  'Birthday',
  'Notes',
  'Labels',
];

/** The CSV text (a header row, then one row per person, CRLF line ends as spreadsheets expect). */
export function googleCsv(people: readonly ContactDocument[]): string {
  const rows = people.map(rowOf);
  // The named columns, then every numbered one any row uses, in the order rows first use them.
  const columns = [...new Set([...NAMED, ...rows.flatMap((r) => Object.keys(r))])];
  return Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => r[c] ?? '')) }, { newline: '\r\n' });
}

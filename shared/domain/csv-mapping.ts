/**
 * How the columns of a contacts CSV map onto a person: what the importer detects from the header
 * row, what a preview shows, and what the user corrects and asks to remember. Pure (zod only), so
 * the IPC contract and the renderer can use it as well as the importer (main/core/interchange/csv).
 */
import { z } from 'zod';
import { lazyObject } from '../lazy-schema.ts';

/** The layouts recognised by their header row; `custom` is any other, mapped by the user. */
export const CsvLayoutName = z.enum([
  'linkedin',
  'linkedin-legacy',
  'google',
  'google-legacy',
  'outlook',
  'outlook-web',
  'thunderbird',
  'custom',
]);
export type CsvLayoutName = z.infer<typeof CsvLayoutName>;

/** Where a column's value goes. The order is the order a picker lists them in. */
export const CSV_FIELDS = [
  ['displayName', 'Display name'],
  ['givenName', 'First name'],
  ['middleName', 'Middle name'],
  ['familyName', 'Last name'],
  ['namePrefix', 'Name prefix'],
  ['nameSuffix', 'Name suffix'],
  ['nickname', 'Nickname'],
  ['organisation', 'Organisation'],
  ['department', 'Department'],
  ['role', 'Job title'],
  ['email', 'E-mail'],
  ['emailLabel', 'E-mail label'],
  ['phone', 'Phone'],
  ['phoneLabel', 'Phone label'],
  ['url', 'Web address or profile'],
  ['urlLabel', 'Web address label'],
  ['address.label', 'Address label'],
  ['address.formatted', 'Address (one block)'],
  ['address.poBox', 'Address: PO box'],
  ['address.extended', 'Address: extended'],
  ['address.street', 'Address: street'],
  ['address.locality', 'Address: city'],
  ['address.region', 'Address: region'],
  ['address.postalCode', 'Address: postal code'],
  ['address.country', 'Address: country'],
  ['birthday', 'Birthday'],
  ['birthYear', 'Birthday: year'],
  ['birthMonth', 'Birthday: month'],
  ['birthDay', 'Birthday: day'],
  ['notes', 'Notes'],
  ['tags', 'Tags'],
  ['location', 'Location'],
  ['connectedOn', 'Connected on (LinkedIn)'],
  ['keep', 'Keep as extra detail'],
  ['ignore', 'Ignore'],
] as const;

export const CsvField = z.enum(CSV_FIELDS.map(([field]) => field) as [CsvField, ...CsvField[]]);
export type CsvField = (typeof CSV_FIELDS)[number][0];

export const CsvColumn = lazyObject(() => ({
  /** 0-based position in the row. */
  index: z.number().int().min(0).max(1000),
  header: z.string().max(500),
  field: CsvField,
  /**
   * Columns with the same entry make one e-mail, phone, web address or address: Google's
   * `E-mail 1 - Value` + `E-mail 1 - Label`, Outlook's `Business Street` + `Business City`.
   */
  entry: z.string().max(100).optional(),
  /** A fixed label for the entry (`Business Phone` → "work"). */
  label: z.string().max(100).optional(),
  /** Splits one cell into several values (Google's ` ::: `, Outlook's `;` between categories). */
  separator: z.string().min(1).max(10).optional(),
}));
export type CsvColumn = z.infer<typeof CsvColumn>;

export const CsvMapping = lazyObject(() => ({
  layout: CsvLayoutName,
  /** `headerSignature` of the header row, the key a remembered mapping is stored under. */
  signature: z.string().max(100),
  columns: z.array(CsvColumn).max(1000),
}));
export type CsvMapping = z.infer<typeof CsvMapping>;

/**
 * A key for a header row that survives what does not change the layout (case, spaces, quotes,
 * a trailing empty column), so a mapping the user corrected is found again for the next export
 * from the same app. FNV-1a over the normalised cells, with the column count.
 */
export function headerSignature(header: readonly string[]): string {
  const cells = header.map((c) => c.trim().toLowerCase().replace(/\s+/g, ' '));
  while (cells.length && cells.at(-1) === '') cells.pop();
  let hash = 0x811c9dc5;
  for (const ch of cells.join('\u001f')) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `csv1-${cells.length}-${hash.toString(16).padStart(8, '0')}`;
}

/**
 * Changing where one CSV column goes, for the mapping step. Pure: a mapping in, a mapping out.
 * Columns that belong together (an address's street and city, a phone and its label column) are
 * joined by their `entry` (shared/domain/csv-mapping.ts), so a new target is given one that fits.
 */
import type { CsvColumn, CsvField, CsvLayoutName, CsvMapping } from '../../../shared/domain/csv-mapping.ts';

const LABEL_OF: Partial<Record<CsvField, CsvField>> = { emailLabel: 'email', phoneLabel: 'phone', urlLabel: 'url' };

/** Fields whose columns combine: the address parts, and each kind of value with its label. */
function familyOf(field: CsvField): string {
  if (field.startsWith('address.')) return 'address';
  return LABEL_OF[field] ?? field;
}

/** The entry a column belongs to; a column without one is an entry of its own (as mapping.ts reads it). */
const entryOf = (c: CsvColumn) => c.entry ?? `#${c.index}`;

/** The nearest column before `index` (else after it) that passes `test`. */
function nearest(columns: readonly CsvColumn[], index: number, test: (c: CsvColumn) => boolean): CsvColumn | undefined {
  const before = columns.filter((c) => c.index < index && test(c)).at(-1);
  return before ?? columns.find((c) => c.index > index && test(c));
}

function retarget(column: CsvColumn, field: CsvField, columns: readonly CsvColumn[]): CsvColumn {
  // Within a family (street → city, or a phone that stays a phone) the column keeps its entry and label.
  if (familyOf(field) === familyOf(column.field)) return { ...column, field };
  const base = { index: column.index, header: column.header, field };
  if (familyOf(field) === 'address') {
    const other = nearest(columns, column.index, (c) => c.index !== column.index && familyOf(c.field) === 'address');
    return { ...base, entry: other?.entry ?? 'Address' };
  }
  const valueField = LABEL_OF[field];
  if (valueField) {
    // A label column labels the value column before it ("Phone", "Phone type").
    const value = nearest(columns, column.index, (c) => c.field === valueField);
    return value ? { ...base, entry: entryOf(value) } : base;
  }
  if (field === 'tags') return { ...base, separator: ';' };
  return base;
}

/**
 * The mapping with the column at `index` sent to `field`. Choosing the field a column had in
 * `original` (the mapping the file was first read with) gives back that column as it was, with
 * its label and entry ("Mobile Phone" is a phone labelled mobile again).
 */
export function withField(mapping: CsvMapping, index: number, field: CsvField, original?: CsvMapping): CsvMapping {
  return {
    ...mapping,
    columns: mapping.columns.map((column) => {
      if (column.index !== index) return column;
      const first = original?.columns.find((c) => c.index === index);
      return first?.field === field ? first : retarget(column, field, mapping.columns);
    }),
  };
}

/** The app a layout comes from, for "Recognised as …". */
export const LAYOUT_TEXT: Record<CsvLayoutName, string> = {
  linkedin: 'a LinkedIn Connections export',
  'linkedin-legacy': 'a LinkedIn Connections export (before 2020)',
  google: 'a Google Contacts export',
  'google-legacy': 'a Google Contacts export (older "Google CSV")',
  outlook: 'an Outlook export',
  'outlook-web': 'an Outlook on the web export',
  thunderbird: 'a Thunderbird address book export',
  custom: 'a layout of your own',
};

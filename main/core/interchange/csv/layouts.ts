/**
 * The CSV layouts real services write, recognised by their header row, and the column → field
 * mapping for each. Any other header gets a best guess per column (`custom`), for the user to
 * correct in the preview. Header names are the English ones each app writes.
 */
import {
  headerSignature,
  type CsvColumn,
  type CsvField,
  type CsvLayoutName,
  type CsvMapping,
} from '../../../../shared/domain/csv-mapping.ts';
import type { InterchangeFormat } from '../types.ts';

type Target = Omit<CsvColumn, 'index' | 'header'>;

interface Layout {
  name: Exclude<CsvLayoutName, 'custom'>;
  format: InterchangeFormat;
  matches: (names: Set<string>) => boolean;
  column: (header: string) => Target;
}

const field = (f: CsvField, extra: Omit<Target, 'field'> = {}): Target => ({ field: f, ...extra });
const IGNORE = field('ignore');
const KEEP = field('keep');

// LinkedIn: Connections.csv, with a URL column since 2020 and without one before.
const LINKEDIN: Record<string, Target> = {
  'First Name': field('givenName'),
  'Last Name': field('familyName'),
  URL: field('url'),
  'Email Address': field('email'),
  Company: field('organisation'),
  Position: field('role'),
  'Connected On': field('connectedOn'),
};

// Google Contacts: the current export and the older "Google CSV".
const GOOGLE_NAMED: Record<string, Target> = {
  Name: field('displayName'),
  'First Name': field('givenName'),
  'Given Name': field('givenName'),
  'Middle Name': field('middleName'),
  'Additional Name': field('middleName'),
  'Last Name': field('familyName'),
  'Family Name': field('familyName'),
  'Name Prefix': field('namePrefix'),
  'Name Suffix': field('nameSuffix'),
  Nickname: field('nickname'),
  'Organization Name': field('organisation'),
  'Organization Title': field('role'),
  'Organization Department': field('department'),
  Birthday: field('birthday'),
  Notes: field('notes'),
  Labels: field('tags', { separator: ' ::: ' }),
  'Group Membership': field('tags', { separator: ' ::: ' }),
  // A link to Google's servers; never fetched.
  Photo: IGNORE,
};
const GOOGLE_PARTS: Record<string, Record<string, CsvField>> = {
  'E-mail': { Value: 'email', Label: 'emailLabel', Type: 'emailLabel' },
  Phone: { Value: 'phone', Label: 'phoneLabel', Type: 'phoneLabel' },
  Website: { Value: 'url', Label: 'urlLabel', Type: 'urlLabel' },
  Address: {
    Label: 'address.label',
    Type: 'address.label',
    Formatted: 'address.formatted',
    Street: 'address.street',
    City: 'address.locality',
    'PO Box': 'address.poBox',
    Region: 'address.region',
    'Postal Code': 'address.postalCode',
    Country: 'address.country',
    'Extended Address': 'address.extended',
  },
  Organization: { Name: 'organisation', Title: 'role', Department: 'department' },
};

function googleColumn(header: string): Target {
  const numbered = /^(E-mail|Phone|Address|Website|Organization) (\d+) - (.+)$/.exec(header);
  if (!numbered) return GOOGLE_NAMED[header] ?? KEEP;
  const [, family = '', n = '', part = ''] = numbered;
  const target = GOOGLE_PARTS[family]?.[part];
  // Only the first organisation has a place; other parts (Yomi Name, Symbol…) say nothing new.
  if (!target || (family === 'Organization' && n !== '1')) return IGNORE;
  const multi = family === 'E-mail' || family === 'Phone' || family === 'Website';
  return field(target, { entry: `${family} ${n}`, ...(multi ? { separator: ' ::: ' } : {}) });
}

// Outlook: desktop (File → Export → Comma Separated Values) and Outlook on the web share names.
const OUTLOOK_PHONES: Record<string, string> = {
  "Assistant's Phone": 'Assistant',
  'Business Fax': 'work fax',
  'Business Phone': 'work',
  'Business Phone 2': 'work',
  Callback: 'Callback',
  'Car Phone': 'car',
  'Company Main Phone': 'Company main',
  'Home Fax': 'home fax',
  'Home Phone': 'home',
  'Home Phone 2': 'home',
  ISDN: 'isdn',
  'Mobile Phone': 'mobile',
  'Other Fax': 'other fax',
  'Other Phone': 'other',
  Pager: 'pager',
  'Primary Phone': 'main',
  'Radio Phone': 'Radio',
  'TTY/TDD Phone': 'textphone',
  Telex: 'Telex',
};
const OUTLOOK_ADDRESS: Record<string, CsvField> = {
  Street: 'address.street',
  'Street 2': 'address.street',
  'Street 3': 'address.street',
  City: 'address.locality',
  State: 'address.region',
  'Postal Code': 'address.postalCode',
  'Country/Region': 'address.country',
  'Address PO Box': 'address.poBox',
};
const OUTLOOK_NAMED: Record<string, Target> = {
  Title: field('namePrefix'),
  'First Name': field('givenName'),
  'Middle Name': field('middleName'),
  'Last Name': field('familyName'),
  Suffix: field('nameSuffix'),
  Nickname: field('nickname'),
  Company: field('organisation'),
  Department: field('department'),
  'Job Title': field('role'),
  'E-mail Address': field('email'),
  'E-mail 2 Address': field('email'),
  'E-mail 3 Address': field('email'),
  'Web Page': field('url'),
  'Personal Web Page': field('url', { label: 'home' }),
  Birthday: field('birthday'),
  Categories: field('tags', { separator: ';' }),
  Notes: field('notes'),
  Location: field('location'),
  // Defaults Outlook fills into every row ("Unspecified", "Normal", "False", "SMTP") and values
  // derived from others (display names, initials): nothing a person typed.
  Gender: IGNORE,
  Priority: IGNORE,
  Sensitivity: IGNORE,
  Private: IGNORE,
  Initials: IGNORE,
  'Internet Free Busy': IGNORE,
};

function outlookColumn(header: string): Target {
  const phone = OUTLOOK_PHONES[header];
  if (phone) return field('phone', { label: phone });
  const address = /^(Business|Home|Other) (.+)$/.exec(header);
  const part = address && OUTLOOK_ADDRESS[address[2]!];
  if (address && part) {
    const kind = address[1]!;
    return field(part, { entry: kind, label: kind === 'Business' ? 'work' : kind.toLowerCase() });
  }
  if (/^E-mail( \d)? (Type|Display Name)$/.test(header)) return IGNORE;
  return OUTLOOK_NAMED[header] ?? KEEP;
}

// Thunderbird: Address Book → Tools → Export → CSV (comma separated).
const THUNDERBIRD: Record<string, Target> = {
  'First Name': field('givenName'),
  'Last Name': field('familyName'),
  'Display Name': field('displayName'),
  Nickname: field('nickname'),
  'Primary Email': field('email'),
  'Secondary Email': field('email'),
  'Work Phone': field('phone', { label: 'work' }),
  'Home Phone': field('phone', { label: 'home' }),
  'Fax Number': field('phone', { label: 'fax' }),
  'Pager Number': field('phone', { label: 'pager' }),
  'Mobile Number': field('phone', { label: 'mobile' }),
  'Job Title': field('role'),
  Department: field('department'),
  Organization: field('organisation'),
  'Web Page 1': field('url', { label: 'work' }),
  'Web Page 2': field('url', { label: 'home' }),
  'Birth Year': field('birthYear'),
  'Birth Month': field('birthMonth'),
  'Birth Day': field('birthDay'),
  Notes: field('notes'),
  '': IGNORE,
};
const THUNDERBIRD_ADDRESS: Record<string, CsvField> = {
  Address: 'address.street',
  'Address 2': 'address.street',
  City: 'address.locality',
  State: 'address.region',
  ZipCode: 'address.postalCode',
  Country: 'address.country',
};

function thunderbirdColumn(header: string): Target {
  const address = /^(Home|Work) (.+)$/.exec(header);
  const part = address && THUNDERBIRD_ADDRESS[address[2]!];
  if (address && part) return field(part, { entry: address[1]!, label: address[1]!.toLowerCase() });
  return THUNDERBIRD[header] ?? KEEP;
}

const has = (names: Set<string>, ...wanted: string[]) => wanted.every((w) => names.has(w));

/** Most specific first: Google's and Outlook's headers share "First Name". */
const LAYOUTS: Layout[] = [
  {
    name: 'linkedin',
    format: 'linkedin-csv',
    matches: (n) => has(n, 'First Name', 'Last Name', 'URL', 'Connected On'),
    column: (h) => LINKEDIN[h] ?? KEEP,
  },
  {
    name: 'linkedin-legacy',
    format: 'linkedin-csv',
    matches: (n) => has(n, 'First Name', 'Last Name', 'Email Address', 'Company', 'Position', 'Connected On'),
    column: (h) => LINKEDIN[h] ?? KEEP,
  },
  {
    name: 'google',
    format: 'google-csv',
    matches: (n) => has(n, 'First Name', 'Labels') || (has(n, 'E-mail 1 - Value') && !has(n, 'Group Membership')),
    column: googleColumn,
  },
  {
    name: 'google-legacy',
    format: 'google-csv',
    matches: (n) => has(n, 'Given Name', 'Group Membership'),
    column: googleColumn,
  },
  {
    name: 'outlook-web',
    format: 'outlook-csv',
    matches: (n) =>
      has(n, 'First Name', 'E-mail Address', 'Business Phone') && (n.has('IMAddress') || n.has('Given Yomi')),
    column: outlookColumn,
  },
  {
    name: 'outlook',
    format: 'outlook-csv',
    matches: (n) => has(n, 'First Name', 'E-mail Address', 'Business Phone'),
    column: outlookColumn,
  },
  {
    name: 'thunderbird',
    format: 'thunderbird-csv',
    matches: (n) => has(n, 'First Name', 'Display Name', 'Primary Email'),
    column: thunderbirdColumn,
  },
];

/** Header words → field, for a header no known app writes. Checked in order; the first match wins. */
const GUESSES: Array<[RegExp, Target]> = [
  [/^(full ?name|display ?name|name)$/i, field('displayName')],
  [/^(first|given|fore) ?name$/i, field('givenName')],
  [/^(middle|additional) ?name$/i, field('middleName')],
  [/^(last|family) ?name|^surname$/i, field('familyName')],
  [/^nick ?name$/i, field('nickname')],
  [/e-?mail|^mail$/i, field('email')],
  [/phone|mobile|^tel|^cell/i, field('phone')],
  [/^(company|organi[sz]ation|employer)$/i, field('organisation')],
  [/^department$/i, field('department')],
  [/^(job ?)?title$|^position$|^role$/i, field('role')],
  [/web|url|linkedin|homepage/i, field('url')],
  [/^birth ?day|^date of birth$/i, field('birthday')],
  [/^notes?$|^comments?$/i, field('notes')],
  [/^(tags|labels|categories|groups)$/i, field('tags', { separator: ';' })],
  [/^(street|address)( ?\d)?$/i, field('address.street', { entry: 'Address' })],
  [/^(city|town)$/i, field('address.locality', { entry: 'Address' })],
  [/^(state|region|province|county)$/i, field('address.region', { entry: 'Address' })],
  [/^(zip|post(al)?) ?(code)?$/i, field('address.postalCode', { entry: 'Address' })],
  [/^country$/i, field('address.country', { entry: 'Address' })],
];

function guessColumn(header: string): Target {
  const trimmed = header.trim();
  if (!trimmed) return IGNORE;
  return GUESSES.find(([pattern]) => pattern.test(trimmed))?.[1] ?? KEEP;
}

export interface Detected {
  layout: CsvLayoutName;
  /** The format a known layout is; undefined for `custom`, which needs the user's mapping. */
  format?: InterchangeFormat;
  mapping: CsvMapping;
}

/** The layout a header row is, with its column mapping; a guessed `custom` one if unknown. */
export function detectCsvLayout(headerRow: readonly string[]): Detected {
  const header = headerRow.map((c) => c.trim());
  const layout = LAYOUTS.find((l) => l.matches(new Set(header)));
  const column = layout?.column ?? guessColumn;
  const columns = header.map((h, index) => ({ index, header: h, ...column(h) }));
  const name = layout?.name ?? 'custom';
  return {
    layout: name,
    ...(layout ? { format: layout.format } : {}),
    mapping: { layout: name, signature: headerSignature(header), columns },
  };
}

/** Rows are searched this far for a known header: LinkedIn writes notes before its own. */
export const HEADER_SEARCH_ROWS = 20;

/** Index of the first row that is a known layout's header, or -1. */
export function findKnownHeader(rows: readonly { cells: string[] }[]): number {
  return rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => detectCsvLayout(r.cells).format !== undefined);
}

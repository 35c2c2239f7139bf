/**
 * Google Contacts CSV, both the current export (`First Name,Middle Name,Last Name,…,Labels,
 * E-mail 1 - Label,…`) and the older "Google CSV" (`Name,Given Name,…,Group Membership,
 * E-mail 1 - Type,…`). Several values in one cell are separated by ` ::: `.
 */
import type { ContactDraft, LabelledValue, PostalAddress, VCardExtension } from '../../../../shared/domain/contact.ts';
import type { ImportedCard, ImportResult } from '../types.ts';
import { runToEnd } from '../sliced.ts';
import { validateDraft } from '../validate.ts';
import { parseBirthday } from '../vcard/birthday.ts';
import { escapeText, structured } from '../vcard/escape.ts';
import { detectKind } from '../vcard/social.ts';
import { readCsv, record } from './read-csv.ts';

const MULTI = ' ::: ';
/** Column families we map; `Address 1 - City` → family "Address", index 1, part "City". */
const NUMBERED = /^(E-mail|Phone|Address|Website|Organization) (\d+) - (.+)$/;
/** Columns read by name below; anything else non-empty is kept as an extension. */
const NAMED = new Set([
  'Name',
  'First Name',
  'Given Name',
  'Middle Name',
  'Additional Name',
  'Last Name',
  'Family Name',
  'Name Prefix',
  'Name Suffix',
  'Nickname',
  'Organization Name',
  'Organization Title',
  'Organization Department',
  'Birthday',
  'Notes',
  'Labels',
  'Group Membership',
  'Photo',
]);
/** Well-known Google labels, lower-cased to match what vCard import produces. */
const KNOWN_LABELS = new Set(['home', 'work', 'mobile', 'other', 'main', 'pager', 'home fax', 'work fax']);

export function isGoogleHeader(cells: string[]): boolean {
  const names = new Set(cells.map((c) => c.trim()));
  return (
    (names.has('First Name') && names.has('Labels')) ||
    (names.has('Given Name') && names.has('Group Membership')) ||
    names.has('E-mail 1 - Value')
  );
}

export function importGoogleCsv(bytes: Uint8Array, file: string): ImportResult {
  return runToEnd(importGoogleCsvSteps(bytes, file));
}

/** The import as steps, yielding after each row (see ../sliced.ts). */
export function* importGoogleCsvSteps(bytes: Uint8Array, file: string): Generator<void, ImportResult> {
  const { rows, problems } = readCsv(bytes, file);
  const cards: ImportedCard[] = [];
  const headerRow = rows[0];
  if (!headerRow || !isGoogleHeader(headerRow.cells)) {
    problems.push({
      file,
      line: headerRow?.line ?? 1,
      severity: 'error',
      message: 'The first row is not a Google Contacts header (First Name, Labels, E-mail 1 - Value…)',
    });
    return { cards, problems };
  }
  const header = headerRow.cells.map((c) => c.trim());
  for (const row of rows.slice(1)) {
    yield;
    const what = `Row at line ${row.line}`;
    const draft = toDraft(record(header, row));
    if (!draft.displayName) {
      problems.push({
        file,
        line: row.line,
        severity: 'error',
        message: `${what} has no name, organisation, e-mail or phone; not imported`,
      });
      continue;
    }
    const valid = validateDraft(draft, { file, line: row.line, what });
    problems.push(...valid.problems);
    if (valid.draft) cards.push({ line: row.line, draft: valid.draft });
  }
  return { cards, problems };
}

function toDraft(cells: Map<string, string>): ContactDraft {
  const get = (...names: string[]) => names.map((n) => cells.get(n) ?? '').find(Boolean) ?? '';
  const given = get('First Name', 'Given Name');
  const middle = get('Middle Name', 'Additional Name');
  const family = get('Last Name', 'Family Name');
  const numbered = groupNumbered(cells);
  const org = numbered.get('Organization')?.get('1');
  const organisation = get('Organization Name') || org?.get('Name') || '';
  const extensions: VCardExtension[] = [];
  // The name parts Rapport does not model travel like vCard N remainders, so export writes them.
  const prefix = get('Name Prefix');
  const suffix = get('Name Suffix');
  if (middle || prefix || suffix)
    extensions.push({ name: 'N', params: {}, value: structured(['', '', middle, prefix, suffix]) });
  const department = get('Organization Department') || org?.get('Department') || '';
  if (department) extensions.push({ name: 'ORG', params: {}, value: structured(['', department]) });

  const emails = labelled(numbered.get('E-mail'));
  const phones = labelled(numbered.get('Phone'));
  const displayName =
    get('Name') ||
    [given, middle, family].filter(Boolean).join(' ') ||
    get('Nickname') ||
    organisation ||
    emails[0]?.value ||
    phones[0]?.value ||
    '';
  const birthday = parseBirthday(get('Birthday'), false);
  for (const [column, value] of cells) {
    if (value && !NAMED.has(column) && !NUMBERED.test(column))
      extensions.push({ name: 'X-GOOGLE-CSV', params: { column }, value: escapeText(value) });
  }
  return {
    displayName,
    ...(given ? { givenName: given } : {}),
    ...(family ? { familyName: family } : {}),
    ...(get('Nickname') ? { nickname: get('Nickname') } : {}),
    ...(organisation ? { organisation } : {}),
    ...(get('Organization Title') || org?.get('Title') ? { role: get('Organization Title') || org?.get('Title') } : {}),
    ...(birthday ? { birthday } : {}),
    ...(get('Notes') ? { notes: get('Notes') } : {}),
    emails,
    phones,
    addresses: addresses(numbered.get('Address')),
    social: websites(numbered.get('Website')),
    tags: tags(get('Labels', 'Group Membership')),
    extensions,
  };
}

type Numbered = Map<string, Map<string, Map<string, string>>>;

/** family → index → part → value, in column order. */
function groupNumbered(cells: Map<string, string>): Numbered {
  const out: Numbered = new Map();
  for (const [column, value] of cells) {
    const m = NUMBERED.exec(column);
    if (!m || !value) continue;
    const [, family = '', index = '', part = ''] = m;
    const byIndex = out.get(family) ?? new Map<string, Map<string, string>>();
    out.set(family, byIndex);
    const parts = byIndex.get(index) ?? new Map<string, string>();
    byIndex.set(index, parts);
    parts.set(part, value);
  }
  return out;
}

/** Google marks the primary value's label with a leading `*`. */
function label(raw: string | undefined): { label?: string; preferred?: true } {
  const text = (raw ?? '').trim();
  const preferred = text.startsWith('*');
  const clean = text.replace(/^\*\s*/, '').trim();
  const lower = clean.toLowerCase();
  return {
    ...(clean ? { label: KNOWN_LABELS.has(lower) ? lower : clean } : {}),
    ...(preferred ? { preferred: true } : {}),
  };
}

const split = (value: string | undefined) =>
  (value ?? '')
    .split(MULTI)
    .map((v) => v.trim())
    .filter(Boolean);

function labelled(groups: Map<string, Map<string, string>> | undefined): LabelledValue[] {
  return [...(groups?.values() ?? [])].flatMap((g) =>
    split(g.get('Value')).map((value) => ({ value, ...label(g.get('Label') ?? g.get('Type')) })),
  );
}

function addresses(groups: Map<string, Map<string, string>> | undefined): PostalAddress[] {
  return [...(groups?.values() ?? [])].map((g) => {
    const parts: PostalAddress = {
      ...label(g.get('Label') ?? g.get('Type')),
      poBox: g.get('PO Box'),
      extended: g.get('Extended Address'),
      // Only the formatted text when Google has no parts (it happens for pasted addresses).
      street: g.get('Street') ?? (g.get('City') || g.get('Postal Code') ? undefined : g.get('Formatted')),
      locality: g.get('City'),
      region: g.get('Region'),
      postalCode: g.get('Postal Code'),
      country: g.get('Country'),
    };
    delete (parts as { preferred?: true }).preferred;
    return Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined)) as PostalAddress;
  });
}

function websites(groups: Map<string, Map<string, string>> | undefined) {
  return [...(groups?.values() ?? [])].flatMap((g) =>
    split(g.get('Value')).map((url) => {
      const l = label(g.get('Label') ?? g.get('Type')).label;
      return { kind: detectKind(url), url, ...(l ? { label: l } : {}) };
    }),
  );
}

/** `* myContacts ::: Friends` → ["Friends"]; other system groups lose their `* `. */
function tags(value: string): string[] {
  const out: string[] = [];
  for (const tag of split(value)) {
    if (tag === '* myContacts') continue;
    const clean = tag.replace(/^\*\s*/, '');
    if (clean && !out.includes(clean)) out.push(clean);
  }
  return out;
}

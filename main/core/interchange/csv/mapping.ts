/**
 * Rows → people through a column mapping (shared/domain/csv-mapping.ts): the one engine behind
 * every CSV layout, detected or corrected by the user. Pure: rows in, drafts and problems out.
 */
import type { ContactDraft, LabelledValue, PostalAddress, VCardExtension } from '../../../../shared/domain/contact.ts';
import type { CsvColumn, CsvField, CsvMapping } from '../../../../shared/domain/csv-mapping.ts';
import type { ImportedCard, ImportProblem, ImportResult } from '../types.ts';
import { runToEnd } from '../sliced.ts';
import { validateDraft } from '../validate.ts';
import { escapeText, structured } from '../vcard/escape.ts';
import { CONNECTED_ON } from '../vcard/rapport-fields.ts';
import { detectKind } from '../vcard/social.ts';
import { isNoDate, parseConnectedOn, parseCsvBirthday } from './dates.ts';
import type { CsvRow } from './read-csv.ts';

/** Labels that match what vCard import produces for the same type, lower-cased like it. */
const KNOWN_LABELS = new Set(['home', 'work', 'mobile', 'other', 'main', 'pager', 'home fax', 'work fax']);

type Cell = { column: CsvColumn; value: string };

export function parseCsvWithMapping(rows: readonly CsvRow[], mapping: CsvMapping, file: string): ImportResult {
  return runToEnd(parseCsvWithMappingSteps(rows, mapping, file));
}

/** The data rows (after the header) as people; yields after each row (see ../sliced.ts). */
export function* parseCsvWithMappingSteps(
  rows: readonly CsvRow[],
  mapping: CsvMapping,
  file: string,
): Generator<void, ImportResult> {
  const cards: ImportedCard[] = [];
  const problems: ImportProblem[] = [];
  const keepAs = mapping.layout.startsWith('google') ? 'X-GOOGLE-CSV' : 'X-CSV';
  for (const row of rows) {
    yield;
    // The file and line go before every message (the preview, the CLI): the row is "this row".
    const what = 'This row';
    const cells = mapping.columns.flatMap((column) => {
      const value = (row.cells[column.index] ?? '').trim();
      return value && !isNoDate(value) ? [{ column, value }] : [];
    });
    const warn = (message: string) => problems.push({ file, line: row.line, severity: 'warning', message });
    const { draft, connectedOn } = toDraft(cells, keepAs, (header, value) =>
      warn(`${what}: "${header}" is not a date we recognise ("${value}"); kept as an extra detail`),
    );
    if (!draft.displayName) {
      problems.push({
        file,
        line: row.line,
        severity: 'error',
        message: `${what} has no name, organisation, e-mail, phone or web address; not imported`,
      });
      continue;
    }
    const valid = validateDraft(draft, { file, line: row.line, what });
    problems.push(...valid.problems);
    if (valid.draft) cards.push({ line: row.line, draft: valid.draft, ...(connectedOn ? { connectedOn } : {}) });
  }
  return { cards, problems };
}

function toDraft(
  cells: Cell[],
  keepAs: string,
  badDate: (header: string, value: string) => void,
): { draft: ContactDraft; connectedOn?: string } {
  const of = (field: CsvField) => cells.filter((c) => c.column.field === field);
  const text = (field: CsvField, joiner = ' ') =>
    of(field)
      .map((c) => c.value)
      .join(joiner) || undefined;
  const extensions: VCardExtension[] = [];
  const keep = (c: Cell) =>
    extensions.push({ name: keepAs, params: { column: c.column.header }, value: escapeText(c.value) });

  // Name and organisation parts Rapport does not model travel like vCard N and ORG remainders.
  const [middle, prefix, suffix, department] = ['middleName', 'namePrefix', 'nameSuffix', 'department'].map((f) =>
    text(f as CsvField),
  );
  if (middle || prefix || suffix)
    extensions.push({ name: 'N', params: {}, value: structured(['', '', middle, prefix, suffix]) });
  if (department) extensions.push({ name: 'ORG', params: {}, value: structured(['', department]) });

  let birthday = undefined as ContactDraft['birthday'];
  for (const c of of('birthday')) {
    birthday ??= parseCsvBirthday(c.value);
    if (!parseCsvBirthday(c.value)) {
      badDate(c.column.header, c.value);
      keep(c);
    }
  }
  birthday ??= splitBirthday(text('birthYear'), text('birthMonth'), text('birthDay'));
  let connectedOn: string | undefined;
  for (const c of of('connectedOn')) {
    const day = parseConnectedOn(c.value);
    if (!day) badDate(c.column.header, c.value);
    connectedOn ??= day;
  }
  for (const c of of('keep')) keep(c);
  // Stored with the person so a vCard export carries it (docs/vcard.md).
  if (connectedOn) extensions.push({ name: CONNECTED_ON, params: {}, value: connectedOn });

  const emails = labelled(cells, 'email', 'emailLabel');
  const phones = labelled(cells, 'phone', 'phoneLabel');
  const social = labelled(cells, 'url', 'urlLabel').map(({ value, label }) => ({
    kind: detectKind(value),
    url: value,
    ...(label ? { label } : {}),
  }));
  const given = text('givenName');
  const family = text('familyName');
  const organisation = text('organisation');
  const draft: ContactDraft = {
    displayName: text('displayName') ?? [given, middle, family].filter(Boolean).join(' '),
    givenName: given,
    familyName: family,
    nickname: text('nickname'),
    organisation,
    role: text('role'),
    location: text('location'),
    birthday,
    notes: text('notes', '\n\n'),
    emails,
    phones,
    addresses: addresses(cells),
    social,
    tags: tags(of('tags')),
    extensions,
  };
  draft.displayName ||= draft.nickname ?? organisation ?? emails[0]?.value ?? phones[0]?.value ?? social[0]?.url ?? '';
  for (const key of Object.keys(draft) as Array<keyof ContactDraft>) if (draft[key] === undefined) delete draft[key];
  return { draft, ...(connectedOn ? { connectedOn } : {}) };
}

function splitBirthday(year?: string, month?: string, day?: string): ContactDraft['birthday'] {
  if (!month || !day || !/^\d+$/.test(month + day)) return undefined;
  const md = `${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return parseCsvBirthday(year && /^\d{4}$/.test(year) ? `${year}-${md}` : `--${md}`);
}

/** Google marks the primary value's label with a leading `*`. */
function label(raw: string | undefined): { label?: string; preferred?: true } {
  const trimmed = (raw ?? '').trim();
  const clean = trimmed.replace(/^\*\s*/, '').trim();
  const lower = clean.toLowerCase();
  return {
    ...(clean ? { label: KNOWN_LABELS.has(lower) ? lower : clean } : {}),
    ...(trimmed.startsWith('*') ? { preferred: true } : {}),
  };
}

const entryOf = (c: CsvColumn) => c.entry ?? `#${c.index}`;
const split = (c: Cell) =>
  (c.column.separator ? c.value.split(c.column.separator) : [c.value]).map((v) => v.trim()).filter(Boolean);

/** E-mails, phones or URLs: each value column, labelled by its entry's label column or its fixed label. */
function labelled(cells: Cell[], valueField: CsvField, labelField: CsvField): LabelledValue[] {
  return cells
    .filter((c) => c.column.field === valueField)
    .flatMap((c) => {
      const labelCell = cells.find((l) => l.column.field === labelField && entryOf(l.column) === entryOf(c.column));
      const l = label(labelCell?.value ?? c.column.label);
      return split(c).map((value) => ({ value, ...l }));
    });
}

const ADDRESS_PARTS = ['poBox', 'extended', 'street', 'locality', 'region', 'postalCode', 'country'] as const;

function addresses(cells: Cell[]): PostalAddress[] {
  const byEntry = new Map<string, Cell[]>();
  for (const c of cells.filter((c) => c.column.field.startsWith('address.'))) {
    const key = entryOf(c.column);
    byEntry.set(key, [...(byEntry.get(key) ?? []), c]);
  }
  const out: PostalAddress[] = [];
  for (const group of byEntry.values()) {
    const part = (name: string) =>
      group
        .filter((c) => c.column.field === `address.${name}`)
        .map((c) => c.value)
        .join('\n') || undefined;
    const adr: PostalAddress = {};
    for (const name of ADDRESS_PARTS) {
      const value = part(name);
      if (value) adr[name] = value;
    }
    // Only the formatted block when there are no parts (Google, for pasted addresses).
    if (!adr.street && !adr.locality && !adr.postalCode && part('formatted')) adr.street = part('formatted');
    if (!Object.keys(adr).length) continue;
    const l = label(part('label') ?? group[0]!.column.label).label;
    out.push(l ? { label: l, ...adr } : adr);
  }
  return out;
}

/** `* myContacts ::: Friends` → ["Friends"]; other system groups lose their `* `. */
function tags(cells: Cell[]): string[] {
  const out: string[] = [];
  for (const tag of cells.flatMap(split)) {
    if (tag === '* myContacts') continue;
    const clean = tag.replace(/^\*\s*/, '');
    if (clean && !out.includes(clean)) out.push(clean);
  }
  return out;
}

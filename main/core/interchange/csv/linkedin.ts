/**
 * LinkedIn's Connections.csv (Settings → Data privacy → Get a copy of your data). The file opens
 * with a few "Notes:" lines before the header; e-mail is often empty (members can hide it).
 */
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import type { ContactDraft } from '../../../../shared/domain/contact.ts';
import type { ImportedCard, ImportProblem, ImportResult } from '../types.ts';
import { runToEnd } from '../sliced.ts';
import { validateDraft } from '../validate.ts';
import { findHeader, readCsv, record } from './read-csv.ts';

export const LINKEDIN_HEADER = ['First Name', 'Last Name', 'URL'];

/** LinkedIn has written "12 Mar 2024"; older exports "12-Mar-24"; be ready for ISO too. */
const DATE_FORMATS = ['d MMM yyyy', 'd-MMM-yy', 'yyyy-MM-dd'];

export function importLinkedInCsv(bytes: Uint8Array, file: string): ImportResult {
  return runToEnd(importLinkedInCsvSteps(bytes, file));
}

/** The import as steps, yielding after each row (see ../sliced.ts). */
export function* importLinkedInCsvSteps(bytes: Uint8Array, file: string): Generator<void, ImportResult> {
  const { rows, problems } = readCsv(bytes, file);
  const cards: ImportedCard[] = [];
  const headerAt = findHeader(rows, LINKEDIN_HEADER);
  if (headerAt === -1) {
    problems.push({ file, line: 1, severity: 'error', message: 'No "First Name,Last Name,URL,…" header found: this does not look like LinkedIn Connections.csv' });
    return { cards, problems };
  }
  const header = rows[headerAt]!.cells;
  for (const row of rows.slice(headerAt + 1)) {
    yield;
    const cells = record(header, row);
    const what = `Row at line ${row.line}`;
    const first = cells.get('First Name') ?? '';
    const last = cells.get('Last Name') ?? '';
    const url = cells.get('URL') ?? '';
    const email = cells.get('Email Address') ?? '';
    const draft: ContactDraft = {
      displayName: [first, last].filter(Boolean).join(' ') || email || url,
      ...(first ? { givenName: first } : {}),
      ...(last ? { familyName: last } : {}),
      emails: email ? [{ value: email }] : [],
      social: url ? [{ kind: 'linkedin', url }] : [],
      ...(cells.get('Company') ? { organisation: cells.get('Company') } : {}),
      ...(cells.get('Position') ? { role: cells.get('Position') } : {}),
    };
    if (!draft.displayName) {
      problems.push({ file, line: row.line, severity: 'error', message: `${what} has no name, e-mail or profile URL; not imported` });
      continue;
    }
    const valid = validateDraft(draft, { file, line: row.line, what });
    problems.push(...valid.problems);
    if (!valid.draft) continue;
    const connectedOn = connectedDate(cells.get('Connected On') ?? '', file, row.line, problems);
    cards.push({ line: row.line, draft: valid.draft, ...(connectedOn ? { connectedOn } : {}) });
  }
  return { cards, problems };
}

function connectedDate(text: string, file: string, line: number, problems: ImportProblem[]): string | undefined {
  if (!text) return undefined;
  for (const format of DATE_FORMATS) {
    const date = parse(text, format, new Date(2000, 0, 1));
    if (isValid(date)) {
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
    }
  }
  problems.push({ file, line, severity: 'warning', message: `Row at line ${line}: "Connected On" is not a date we recognise ("${text}")` });
  return undefined;
}

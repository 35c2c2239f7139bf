/**
 * LinkedIn's Connections.csv (Settings → Data privacy → Get a copy of your data). The file opens
 * with a few "Notes:" lines before the header; e-mail is often empty (members can hide it).
 */
import type { ContactDraft } from '../../../../shared/domain/contact.ts';
import type { ImportedCard, ImportProblem, ImportResult } from '../types.ts';
import { runToEnd } from '../sliced.ts';
import { validateDraft } from '../validate.ts';
import { findHeader, readCsv, record } from './read-csv.ts';

export const LINKEDIN_HEADER = ['First Name', 'Last Name', 'URL'];

/** LinkedIn has written "12 Mar 2024"; older exports "12-Mar-24"; be ready for ISO too. */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * LinkedIn writes "Connected On" as `12 Mar 2024`, older exports as `12-Mar-24`, some tools as
 * `2024-03-12`. Parsed by hand: date-fns' `parse` would cover these, but importing it adds about
 * 140 MB of resident memory and 0.5 s to the start of the main process (measured).
 * @returns `YYYY-MM-DD`, or undefined when the text is not one of those forms or not a real day.
 */
export function parseConnectedOn(text: string): string | undefined {
  const trimmed = text.trim();
  let year: number, month: number, day: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const named = /^(\d{1,2})[ -]([A-Za-z]{3})[ -](\d{4}|\d{2})$/.exec(trimmed);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (named) {
    month = MONTHS.indexOf(named[2]!.toLowerCase()) + 1;
    day = Number(named[1]);
    // Two-digit years are this century: LinkedIn started in 2003.
    year = named[3]!.length === 2 ? 2000 + Number(named[3]) : Number(named[3]);
  } else return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return date.toISOString().slice(0, 10);
}

export function importLinkedInCsv(bytes: Uint8Array, file: string): ImportResult {
  return runToEnd(importLinkedInCsvSteps(bytes, file));
}

/** The import as steps, yielding after each row (see ../sliced.ts). */
export function* importLinkedInCsvSteps(bytes: Uint8Array, file: string): Generator<void, ImportResult> {
  const { rows, problems } = readCsv(bytes, file);
  const cards: ImportedCard[] = [];
  const headerAt = findHeader(rows, LINKEDIN_HEADER);
  if (headerAt === -1) {
    problems.push({
      file,
      line: 1,
      severity: 'error',
      message: 'No "First Name,Last Name,URL,…" header found: this does not look like LinkedIn Connections.csv',
    });
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
      problems.push({
        file,
        line: row.line,
        severity: 'error',
        message: `${what} has no name, e-mail or profile URL; not imported`,
      });
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
  const day = parseConnectedOn(text);
  if (day) return day;
  problems.push({
    file,
    line,
    severity: 'warning',
    message: `Row at line ${line}: "Connected On" is not a date we recognise ("${text}")`,
  });
  return undefined;
}

/**
 * Contacts CSV import: find the header row, recognise the layout (layouts.ts) or use the
 * mapping the user corrected, and read the rows through it (mapping.ts).
 */
import { headerSignature, type CsvLayoutName, type CsvMapping } from '../../../../shared/domain/csv-mapping.ts';
import type { ImportResult, InterchangeFormat } from '../types.ts';
import { detectCsvLayout, findKnownHeader, HEADER_SEARCH_ROWS } from './layouts.ts';
import { parseCsvWithMappingSteps } from './mapping.ts';
import { readCsv } from './read-csv.ts';
import { runToEnd } from '../sliced.ts';

export interface CsvImportResult extends ImportResult {
  format: InterchangeFormat | 'unknown';
  /** The layout and the mapping used, or for an unknown header the guessed one to correct. */
  csv?: { layout: CsvLayoutName; mapping: CsvMapping };
}

const FORMAT_OF: Record<CsvLayoutName, InterchangeFormat> = {
  linkedin: 'linkedin-csv',
  'linkedin-legacy': 'linkedin-csv',
  google: 'google-csv',
  'google-legacy': 'google-csv',
  outlook: 'outlook-csv',
  'outlook-web': 'outlook-csv',
  thunderbird: 'thunderbird-csv',
  custom: 'csv',
};

/**
 * Reads a contacts CSV. Without `mapping`, the header must be one a known app writes; with it
 * (a mapping the user corrected or remembered), the header row is the one whose signature it
 * carries. Never throws on bad input.
 */
export function* importCsvSteps(
  bytes: Uint8Array,
  file: string,
  options: { mapping?: CsvMapping | undefined } = {},
): Generator<void, CsvImportResult> {
  const { rows, problems } = readCsv(bytes, file);
  const given = options.mapping;
  const headerAt = given
    ? rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => headerSignature(r.cells) === given.signature)
    : findKnownHeader(rows);
  if (headerAt === -1) {
    const first = rows[0];
    problems.push({
      file,
      line: first?.line ?? 1,
      severity: 'error',
      message: given
        ? `${file}: no header row matches the column mapping that was chosen; choose the columns again`
        : `${file} is a CSV file, but not a LinkedIn, Google Contacts, Outlook or Thunderbird export (their header row was not found)`,
    });
    const guess = first && !given ? detectCsvLayout(first.cells) : undefined;
    return {
      format: 'unknown',
      cards: [],
      problems,
      ...(guess ? { csv: { layout: guess.layout, mapping: guess.mapping } } : {}),
    };
  }
  const mapping = given ?? detectCsvLayout(rows[headerAt]!.cells).mapping;
  const result = yield* parseCsvWithMappingSteps(rows.slice(headerAt + 1), mapping, file);
  return {
    format: FORMAT_OF[mapping.layout],
    cards: result.cards,
    problems: [...problems, ...result.problems],
    csv: { layout: mapping.layout, mapping },
  };
}

/** The import of one expected format; any other layout is one error problem. */
export function importCsvAs(bytes: Uint8Array, file: string, format: InterchangeFormat, what: string): ImportResult {
  const result = runToEnd(importCsvSteps(bytes, file));
  if (result.format === format) return { cards: result.cards, problems: result.problems };
  return {
    cards: [],
    problems: [{ file, line: 1, severity: 'error', message: `${file} does not look like a ${what}` }],
  };
}

/** Which importer a file needs, from its content first and its name second. */
import type { CsvLayoutName, CsvMapping } from '../../../shared/domain/csv-mapping.ts';
import { importCsvSteps } from './csv/import-csv.ts';
import { findKnownHeader, detectCsvLayout } from './csv/layouts.ts';
import { readCsv } from './csv/read-csv.ts';
import { toBinaryString } from './decode.ts';
import type { ImportResult, InterchangeFormat } from './types.ts';
import { importVCardSteps } from './vcard/import.ts';
import { runToEnd } from './sliced.ts';

export type Detection = { format: InterchangeFormat } | { format: 'unknown'; error: string };

/** Only the start of the file is examined: LinkedIn's notes come before its header. */
const SNIFF_BYTES = 64 * 1024;

export function detectFormat(bytes: Uint8Array, fileName: string): Detection {
  // Cut after a line break, so a UTF-8 sequence cut in half does not read as a legacy charset.
  const end = bytes.length > SNIFF_BYTES ? bytes.lastIndexOf(0x0a, SNIFF_BYTES) + 1 || SNIFF_BYTES : bytes.length;
  const head = bytes.subarray(0, end);
  // vCard structure is ASCII: no need to decode (or guess a charset for) the text to see it.
  if (/^\s*BEGIN\s*:\s*VCARD\s*$/im.test(toBinaryString(head))) return { format: 'vcard' };
  const rows = readCsv(head, fileName).rows;
  const headerAt = findKnownHeader(rows);
  const format = headerAt === -1 ? undefined : detectCsvLayout(rows[headerAt]!.cells).format;
  if (format) return { format };
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'vcf' || extension === 'vcard') {
    return { format: 'unknown', error: `${fileName} is named like a vCard file but has no BEGIN:VCARD line` };
  }
  if (extension === 'csv') {
    return {
      format: 'unknown',
      error: `${fileName} is a CSV file, but not a LinkedIn, Google Contacts, Outlook or Thunderbird export (their header row was not found)`,
    };
  }
  return {
    format: 'unknown',
    error: `${fileName} is not a vCard (.vcf) file or a LinkedIn, Google Contacts, Outlook or Thunderbird CSV export`,
  };
}

export interface ImportOptions {
  /** A column mapping the user corrected (or remembered) for a CSV file; see csv/layouts.ts. */
  csvMapping?: CsvMapping | undefined;
}

/** Detects the format and imports; an unknown format is one error problem, never an exception. */
export function importContactsFile(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): ImportFileResult {
  return runToEnd(importContactsFileSteps(bytes, fileName, options));
}

export type ImportFileResult = ImportResult & {
  format: InterchangeFormat | 'unknown';
  /** For a CSV: its layout and the column mapping used (or, for an unknown header, a guess to correct). */
  csv?: { layout: CsvLayoutName; mapping: CsvMapping };
};

/** `importContactsFile` as steps, for `runSliced` (see sliced.ts). */
export function* importContactsFileSteps(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Generator<void, ImportFileResult> {
  if (options.csvMapping) return yield* importCsvSteps(bytes, fileName, { mapping: options.csvMapping });
  const detection = detectFormat(bytes, fileName);
  if (detection.format === 'vcard') return { format: 'vcard', ...(yield* importVCardSteps(bytes, fileName)) };
  // An unknown CSV still gets a guessed mapping, for the user to correct.
  if (detection.format !== 'unknown' || /\.csv$/i.test(fileName)) return yield* importCsvSteps(bytes, fileName);
  return {
    format: 'unknown',
    cards: [],
    problems: [{ file: fileName, line: 1, severity: 'error', message: detection.error }],
  };
}

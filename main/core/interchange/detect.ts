/** Which importer a file needs, from its content first and its name second. */
import { importGoogleCsvSteps, isGoogleHeader } from './csv/google.ts';
import { LINKEDIN_HEADER, importLinkedInCsvSteps } from './csv/linkedin.ts';
import { findHeader, readCsv } from './csv/read-csv.ts';
import { decodeFile } from './decode.ts';
import type { ImportResult, InterchangeFormat } from './types.ts';
import { importVCardSteps } from './vcard/import.ts';
import { runToEnd } from './sliced.ts';

export type Detection = { format: InterchangeFormat } | { format: 'unknown'; error: string };

/** Only the start of the file is examined: LinkedIn's notes come before its header. */
const SNIFF_BYTES = 64 * 1024;

export function detectFormat(bytes: Uint8Array, fileName: string): Detection {
  const head = decodeFile(bytes.subarray(0, SNIFF_BYTES)).text;
  if (/^\s*BEGIN\s*:\s*VCARD\s*$/im.test(head)) return { format: 'vcard' };
  const rows = readCsv(new TextEncoder().encode(head), fileName).rows.slice(0, 20);
  if (findHeader(rows, LINKEDIN_HEADER) !== -1) return { format: 'linkedin-csv' };
  if (rows[0] && isGoogleHeader(rows[0].cells)) return { format: 'google-csv' };
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'vcf' || extension === 'vcard') {
    return { format: 'unknown', error: `${fileName} is named like a vCard file but has no BEGIN:VCARD line` };
  }
  if (extension === 'csv') {
    return {
      format: 'unknown',
      error: `${fileName} is a CSV file, but not LinkedIn Connections.csv or a Google Contacts export (their header row was not found)`,
    };
  }
  return {
    format: 'unknown',
    error: `${fileName} is not a vCard (.vcf), LinkedIn Connections.csv or Google Contacts CSV file`,
  };
}

/** Detects the format and imports; an unknown format is one error problem, never an exception. */
export function importContactsFile(bytes: Uint8Array, fileName: string): ImportFileResult {
  return runToEnd(importContactsFileSteps(bytes, fileName));
}

export type ImportFileResult = ImportResult & { format: InterchangeFormat | 'unknown' };

/** `importContactsFile` as steps, for `runSliced` (see sliced.ts). */
export function* importContactsFileSteps(bytes: Uint8Array, fileName: string): Generator<void, ImportFileResult> {
  const detection = detectFormat(bytes, fileName);
  switch (detection.format) {
    case 'vcard':
      return { format: 'vcard', ...(yield* importVCardSteps(bytes, fileName)) };
    case 'linkedin-csv':
      return { format: 'linkedin-csv', ...(yield* importLinkedInCsvSteps(bytes, fileName)) };
    case 'google-csv':
      return { format: 'google-csv', ...(yield* importGoogleCsvSteps(bytes, fileName)) };
    default:
      return {
        format: 'unknown',
        cards: [],
        problems: [{ file: fileName, line: 1, severity: 'error', message: detection.error }],
      };
  }
}

/**
 * Google Contacts CSV, both the current export (`First Name,Middle Name,Last Name,…,Labels,
 * E-mail 1 - Label,…`) and the older "Google CSV" (`Name,Given Name,…,Group Membership,
 * E-mail 1 - Type,…`). Several values in one cell are separated by ` ::: `. Read by the generic
 * CSV import (layouts.ts, mapping.ts).
 */
import type { ImportResult } from '../types.ts';
import { importCsvAs } from './import-csv.ts';

export function importGoogleCsv(bytes: Uint8Array, file: string): ImportResult {
  return importCsvAs(bytes, file, 'google-csv', 'Google Contacts export');
}

/**
 * LinkedIn's Connections.csv (Settings → Data privacy → Get a copy of your data): the current
 * layout (`First Name,Last Name,URL,Email Address,Company,Position,Connected On`, after a few
 * "Notes:" lines) and the older one without URL. E-mail is often empty (members can hide it).
 * Read by the generic CSV import (layouts.ts, mapping.ts).
 */
import type { ImportResult } from '../types.ts';
import { importCsvAs } from './import-csv.ts';

export { parseConnectedOn } from './dates.ts';

export function importLinkedInCsv(bytes: Uint8Array, file: string): ImportResult {
  return importCsvAs(bytes, file, 'linkedin-csv', 'LinkedIn Connections.csv');
}

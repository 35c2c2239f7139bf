/** Contact import/export: vCard 2.1/3.0/4.0 and the contacts CSVs of LinkedIn, Google, Outlook and Thunderbird. */
export type { ImportedCard, ImportProblem, ImportResult, InterchangeFormat, RelatedCard } from './types.ts';
export { detectFormat, importContactsFile, previewFormat, type Detection, type ImportOptions } from './detect.ts';
export { importVCard } from './vcard/import.ts';
export { serialiseVCard, toVCard, type VCardVersion } from './vcard/serialise.ts';
export type { ExportNote } from './vcard/hygiene.ts';
export { detectCsvLayout } from './csv/layouts.ts';
export { parseCsvWithMapping } from './csv/mapping.ts';
export { importLinkedInCsv } from './csv/linkedin.ts';
export { importGoogleCsv } from './csv/google.ts';
export { importContactsFileSteps, type ImportFileResult } from './detect.ts';
export { runSliced, runToEnd } from './sliced.ts';
export { createImportService, type ImportService } from './import-service.ts';

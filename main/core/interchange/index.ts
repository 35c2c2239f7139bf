/** Contact import/export: vCard 2.1/3.0/4.0, LinkedIn Connections.csv, Google Contacts CSV. */
export type { ImportedCard, ImportProblem, ImportResult, InterchangeFormat } from './types.ts';
export { detectFormat, importContactsFile, type Detection } from './detect.ts';
export { importVCard } from './vcard/import.ts';
export { toVCard, type VCardVersion } from './vcard/serialise.ts';
export { importLinkedInCsv } from './csv/linkedin.ts';
export { importGoogleCsv } from './csv/google.ts';
export { importContactsFileSteps, type ImportFileResult } from './detect.ts';
export { runSliced, runToEnd } from './sliced.ts';
export { createImportService, type ImportService } from './import-service.ts';

import { z } from 'zod';
import { ContactFields, IsoDate, IsoInstant } from '../../domain/contact.ts';
import { CsvLayoutName, CsvMapping } from '../../domain/csv-mapping.ts';
import { Id, UploadId } from './common.ts';
import { channel, lazyObject } from '../../lazy-schema.ts';

/**
 * The interchange area: vCard/CSV import with preview, vCard and archive export, archive restore
 * and automatic backups. Joined into the contract by ../contract.ts. A small file travels inside
 * the request; a larger one is uploaded first in chunks (`uploads.*`) and named by its upload id,
 * so no single message grows past the wire's limit.
 */

/** Files up to 2 MB may travel inline as base64 (4/3 larger); larger ones are uploaded. */
export const MAX_INLINE_BASE64 = 2_800_000;
/** Archive text sent inline; larger archives are uploaded. */
export const MAX_INLINE_ARCHIVE_CHARS = 2_800_000;

const exactlyOneSource = (v: { uploadId?: string | undefined }, inline: string | undefined) =>
  (v.uploadId === undefined) !== (inline === undefined);

/** Values shown per column in the CSV mapping step, and the length each is cut to. */
export const CSV_SAMPLES = 3;
export const CSV_SAMPLE_CHARS = 80;

/** A mapping sent back by the user: each column at most once. */
const ChosenCsvMapping = CsvMapping.refine((m) => new Set(m.columns.map((c) => c.index)).size === m.columns.length, {
  message: 'Each column can be mapped only once',
  path: ['columns'],
});

/** `merge`: into the person here it matches, or, for a `duplicate`, with the earlier card of the file it repeats. */
export const ImportAction = z.enum(['create', 'merge', 'skip']);
export type ImportAction = z.infer<typeof ImportAction>;
/** What to do with every card that matches someone here (`new` cards are always created). */
export const ImportPolicy = ImportAction;
export type ImportPolicy = ImportAction;
/**
 * `new`, `match` and `conflict` say how a card compares with the people already here; a
 * `duplicate` is the same person as an earlier card of the same file (`sameAs`), merged with it
 * by default, and that earlier card's match decides for both (docs/backups.md).
 */
export const MatchStatus = z.enum(['new', 'match', 'conflict', 'duplicate']);
export type MatchStatus = z.infer<typeof MatchStatus>;

/**
 * The action a card gets when the user chose none for it: the policy, for a match or a conflict
 * with someone here; otherwise the suggestion. A duplicate follows the card it repeats, so a
 * policy never splits it off.
 */
export const defaultAction = (
  card: { status: MatchStatus; action: ImportAction },
  policy: ImportPolicy | '' | undefined,
): ImportAction => ((card.status === 'match' || card.status === 'conflict') && policy ? policy : card.action);

const Reasons = z.array(z.enum(['email', 'phone', 'name']));

export const ImportProblemView = lazyObject(() => ({
  file: z.string(),
  line: z.number().int(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
}));
export type ImportProblemView = z.infer<typeof ImportProblemView>;

export const PreviewCard = lazyObject(() => ({
  /** Position in the preview; choices refer to it. */
  index: z.number().int(),
  /** Line in the file where the card starts. */
  line: z.number().int(),
  displayName: z.string(),
  organisation: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  status: MatchStatus,
  /** Existing people this card matches, best first (at most 5). */
  matches: z.array(z.object({ id: z.string(), displayName: z.string(), reasons: Reasons })),
  /** For a conflict: fields where the card and the existing person disagree. */
  conflictFields: z.array(z.string()),
  /**
   * Earlier cards of this file that look like the same person (at most 5). A `duplicate` has one,
   * with nothing in `differs`, and is merged with it; a card with several, or with one whose
   * single-value fields differ (`differs`), is kept apart and only flagged.
   */
  sameAs: z
    .array(
      z.object({
        index: z.number().int(),
        line: z.number().int(),
        displayName: z.string(),
        reasons: Reasons,
        differs: z.array(z.string()),
      }),
    )
    .max(5)
    .optional(),
  /** The suggested action: create for new, merge for a match or a duplicate, skip for a conflict. */
  action: ImportAction,
  connectedOn: IsoDate.optional(),
}));
export type PreviewCard = z.infer<typeof PreviewCard>;

/**
 * How a CSV was read: `detected` from a header row a known app writes, `remembered` (the user
 * chose "Remember this layout" for this header before), `chosen` (the mapping sent with this
 * preview), or `guessed` for an unknown header: then nobody is read until the user confirms or
 * corrects the guess and previews again with it.
 */
export const CsvMappingSource = z.enum(['detected', 'remembered', 'chosen', 'guessed']);
export type CsvMappingSource = z.infer<typeof CsvMappingSource>;

export const CsvPreview = lazyObject(() => ({
  layout: CsvLayoutName,
  source: CsvMappingSource,
  /** True when this very mapping is stored for its header, so the next file with it is read the same way. */
  remembered: z.boolean(),
  /** Column → field; send it back (changed) as `csvMapping` to preview again. */
  mapping: CsvMapping,
  /** A few non-empty values from the first rows, by column position (`samples[column.index]`). */
  samples: z.array(z.array(z.string().max(CSV_SAMPLE_CHARS)).max(CSV_SAMPLES)).max(1001),
}));
export type CsvPreview = z.infer<typeof CsvPreview>;

export const ImportPreview = lazyObject(() => ({
  sessionId: z.string(),
  fileName: z.string(),
  format: z.enum(['vcard', 'linkedin-csv', 'google-csv', 'outlook-csv', 'thunderbird-csv', 'csv', 'unknown']),
  cards: z.array(PreviewCard),
  problems: z.array(ImportProblemView),
  counts: z.object({
    new: z.number().int(),
    match: z.number().int(),
    conflict: z.number().int(),
    duplicate: z.number().int(),
  }),
  /** For a CSV file: its layout and which column went where. */
  csv: CsvPreview.optional(),
}));
export type ImportPreview = z.infer<typeof ImportPreview>;

/** An import that creates or merges this many people first takes a safety copy of the database. */
export const SAFETY_COPY_PEOPLE = 50;

export const ImportSummary = lazyObject(() => ({
  /** True when the user cancelled: nothing was changed. */
  cancelled: z.boolean(),
  created: z.number().int(),
  merged: z.number().int(),
  skipped: z.number().int(),
  /** "Connected on LinkedIn" interactions added. */
  interactions: z.number().int(),
}));
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ImportProgress = lazyObject(() => ({
  sessionId: z.string(),
  phase: z.enum(['writing', 'undoing']),
  done: z.number().int(),
  total: z.number().int(),
}));
export type ImportProgress = z.infer<typeof ImportProgress>;

export const CollectionCounts = z.record(z.string(), z.number().int());
export type CollectionCounts = z.infer<typeof CollectionCounts>;

export const BackupSettings = lazyObject(() => ({
  frequency: z.enum(['off', 'daily', 'weekly']).default('daily'),
  /** Absolute folder; absent means `<dataDir>/backups`. */
  folder: z.string().trim().min(1).max(1000).optional(),
  keepDaily: z.number().int().min(1, 'Keep at least one daily backup').max(365).default(7),
  keepWeekly: z.number().int().min(0).max(520).default(4),
}));
export type BackupSettings = z.infer<typeof BackupSettings>;

export const BackupInfo = lazyObject(() => ({
  /** Folder name inside the backup folder; also the id used to restore it. */
  name: z.string(),
  createdAt: IsoInstant,
  counts: CollectionCounts,
  bytes: z.number().int(),
}));
export type BackupInfo = z.infer<typeof BackupInfo>;

export const BackupStatus = lazyObject(() => ({
  settings: BackupSettings,
  /** The folder actually used (the default filled in). */
  folder: z.string(),
  running: z.boolean(),
  lastRunAt: IsoInstant.optional(),
  lastSuccessAt: IsoInstant.optional(),
  lastError: z.string().optional(),
  lastBackup: BackupInfo.optional(),
  /** The backup worked, but something needs a look (it holds far fewer people than the one before). */
  warning: z.string().optional(),
  nextDueAt: IsoInstant.optional(),
}));
export type BackupStatus = z.infer<typeof BackupStatus>;

export const RestoreSummary = lazyObject(() => ({ counts: CollectionCounts }));

const ExportedFile = lazyObject(() => ({ fileName: z.string(), text: z.string(), count: z.number().int() }));

/** One change a vCard export made to a person's kept data so every line is valid (docs/vcard.md). */
export const ExportNoteView = lazyObject(() => ({
  personId: z.string(),
  displayName: z.string(),
  /** The property as it was kept, e.g. `X-MESSAGING/GADU-ALL`. */
  property: z.string(),
  outcome: z.enum(['renamed', 'converted', 'left out']),
  writtenAs: z.string().optional(),
  message: z.string(),
}));
export type ExportNoteView = z.infer<typeof ExportNoteView>;

/** Notes listed in an export report; the counts cover them all. */
export const MAX_EXPORT_NOTES = 500;

export const ExportReport = lazyObject(() => ({
  renamed: z.number().int(),
  converted: z.number().int(),
  leftOut: z.number().int(),
  /** The first MAX_EXPORT_NOTES changes, in the order of the file. */
  notes: z.array(ExportNoteView).max(MAX_EXPORT_NOTES),
}));
export type ExportReport = z.infer<typeof ExportReport>;

export const interchangeRequests = {
  /**
   * Parses a file and matches every card against the people already here; writes no people.
   * The file comes inline, as an upload, or (`sessionId`) from an open preview, to read a CSV
   * again with a corrected `csvMapping`; that preview is then replaced by the new one.
   * `rememberLayout` true stores the mapping used for the CSV's header row (a synced setting),
   * so the next file with that header is read the same way; false forgets it.
   */
  'interchange.preview': channel(() => ({
    input: z
      .object({
        fileName: z.string().trim().min(1).max(300),
        base64: z.string().max(MAX_INLINE_BASE64, 'Files over 2 MB are sent as an upload (uploads.begin)').optional(),
        uploadId: UploadId.optional(),
        sessionId: z.string().min(1).max(100).optional(),
        csvMapping: ChosenCsvMapping.optional(),
        rememberLayout: z.boolean().optional(),
      })
      .refine((v) => [v.base64, v.uploadId, v.sessionId].filter((source) => source !== undefined).length === 1, {
        message: 'Send the file inline, as an upload, or name the open preview to read again',
      }),
    output: ImportPreview,
  })),
  /** Writes a previewed import. Either everything is written or, on cancel or failure, nothing. */
  'interchange.commit': channel(() => ({
    input: z.object({
      sessionId: z.string().min(1),
      policy: ImportPolicy.optional(),
      choices: z
        .array(z.object({ index: z.number().int().min(0), action: ImportAction }))
        .max(200_000)
        .default([]),
    }),
    output: ImportSummary,
  })),
  'interchange.cancel': channel(() => ({
    input: z.object({ sessionId: z.string().min(1) }),
    output: z.object({ cancelled: z.boolean() }),
  })),
  'interchange.exportVCard': channel(() => ({
    input: z.object({
      version: z.enum(['3.0', '4.0']).default('3.0'),
      ids: z.array(Id).max(200_000).optional(),
      includeArchived: z.boolean().default(true),
    }),
    output: ExportedFile.extend({ report: ExportReport }),
  })),
  /** People as a Google Contacts CSV (spreadsheets, other apps; read back by the CSV import). */
  'interchange.exportCsv': channel(() => ({
    input: z.object({ ids: z.array(Id).max(200_000).optional(), includeArchived: z.boolean().default(true) }),
    output: ExportedFile,
  })),
  'interchange.exportArchive': channel(() => ({
    input: z.object({}),
    output: ExportedFile.extend({ counts: CollectionCounts }),
  })),
  /** Refuses a profile that already holds people or history unless `overwrite` is true (see `backup.restore`). */
  'interchange.restoreArchive': channel(() => ({
    input: z
      .object({
        fileName: z.string().max(300).default('archive.json'),
        text: z
          .string()
          .max(MAX_INLINE_ARCHIVE_CHARS, 'Archives over 2 MB are sent as an upload (uploads.begin)')
          .optional(),
        uploadId: UploadId.optional(),
        overwrite: z.boolean().default(false),
      })
      .refine((v) => exactlyOneSource(v, v.text), { message: 'Send the archive either inline or as an upload' }),
    output: RestoreSummary,
  })),
  'backup.getSettings': channel(() => ({ input: z.object({}), output: BackupSettings })),
  'backup.setSettings': channel(() => ({ input: BackupSettings, output: BackupSettings })),
  'backup.runNow': channel(() => ({ input: z.object({}), output: BackupInfo })),
  'backup.list': channel(() => ({ input: z.object({}), output: z.array(BackupInfo) })),
  /**
   * Without `overwrite`, a profile that holds people is not replaced: the answer is a `conflict`
   * whose details name `overwrite` (RESTORE_NEEDS_CONFIRMING), which the app asks about.
   */
  'backup.restore': channel(() => ({
    input: z.object({ name: z.string().min(1).max(200), overwrite: z.boolean().default(false) }),
    output: RestoreSummary,
  })),
} as const;

export const interchangeSubscriptions = {
  /** Backup settings, last run, last error and the next due time; pushed on every change. */
  'backup.status': channel(() => ({ input: z.object({}), output: BackupStatus })),
} as const;

export const interchangeEvents = {
  /** Progress of a running import commit (`interchange.commit`). */
  'interchange.progress': ImportProgress,
} as const;

/** The shape `rapport import --dry-run --json` prints (see docs/cli.md). */
export const DryRunReport = lazyObject(() => ({
  file: z.string(),
  format: ImportPreview.shape.format,
  people: z.array(
    z.object({
      line: z.number().int(),
      status: MatchStatus,
      action: ImportAction,
      matches: z.array(z.string()),
      /** Lines of earlier cards in the file that look like the same person (the first: the one a duplicate joins). */
      sameAs: z.array(z.number().int()).optional(),
      person: ContactFields,
    }),
  ),
  problems: z.array(ImportProblemView),
}));

/** The field issue of a restore that would replace people already here: ask, then send `overwrite: true`. */
export const RESTORE_NEEDS_CONFIRMING = 'overwrite';
/** The field issue of a restore stopped by Cancel (`app.cancelOperation`): nothing was changed. */
export const RESTORE_CANCELLED = 'cancelled';
type Refusal = { code: string; details?: { path: (string | number)[] }[] | undefined };
const refusedFor = (error: Refusal, field: string) =>
  error.code === 'conflict' && !!error.details?.some((d) => d.path[0] === field);
export const needsConfirming = (error: Refusal) => refusedFor(error, RESTORE_NEEDS_CONFIRMING);
export const wasCancelled = (error: Refusal) => refusedFor(error, RESTORE_CANCELLED);

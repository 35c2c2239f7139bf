/**
 * Channels about the data folder itself: uploads of large files, the state of the database,
 * recovering a lost or damaged one, and long operations that replace it (restores).
 */
import { z } from 'zod';
import { IsoInstant } from '../../domain/contact.ts';
import { UploadId } from './common.ts';
import { BackupInfo, CollectionCounts } from './interchange.ts';
import { channel, lazyObject } from '../../lazy-schema.ts';

/** Bytes of file data in one `uploads.chunk` (under the wire's message limit once base64-encoded). */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;
/** The largest file one upload may hold. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/** What is wrong with the database, when the core opened without it. */
export const DatabaseProblem = z.enum(['missing', 'empty', 'damaged']);
export type DatabaseProblem = z.infer<typeof DatabaseProblem>;

export const DatabaseState = z.discriminatedUnion('state', [
  lazyObject(() => ({ state: z.literal('ok') })),
  /** A copy of a damaged database, opened so its data can be read and exported; changes are refused. */
  lazyObject(() => ({ state: z.literal('read-only'), detail: z.string() })),
  /** No database is open: the app shows what happened and the ways out (recovery.status). */
  lazyObject(() => ({ state: z.literal('needs-recovery'), problem: DatabaseProblem, detail: z.string() })),
]);
export type DatabaseState = z.infer<typeof DatabaseState>;

export const SafetyCopyInfo = lazyObject(() => ({
  /** File name inside the safety-copies folder; also its id. */
  name: z.string(),
  createdAt: IsoInstant,
  /** Why it was taken, in words: "Before restoring backup rapport-20260301T090000Z". */
  reason: z.string(),
  people: z.number().int().optional(),
  bytes: z.number().int(),
}));
export type SafetyCopyInfo = z.infer<typeof SafetyCopyInfo>;

export const RecoveryStatus = lazyObject(() => ({
  problem: DatabaseProblem,
  detail: z.string(),
  /** How many people the folder held when it was last opened, if that is known. */
  lastKnownPeople: z.number().int().optional(),
  backupFolder: z.string(),
  backups: z.array(BackupInfo),
  safetyCopies: z.array(SafetyCopyInfo),
  /** A damaged file can often still be read: a copy of it opens without changes. */
  canOpenReadOnly: z.boolean(),
}));
export type RecoveryStatus = z.infer<typeof RecoveryStatus>;

export const OperationProgress = lazyObject(() => ({
  operation: z.enum(['restore', 'safety-copy']),
  phase: z.enum(['reading', 'writing', 'checking', 'replacing', 'opening']),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
}));
export type OperationProgress = z.infer<typeof OperationProgress>;

export const lifecycleRequests = {
  /** Starts an upload of a file too large for one message; send its bytes with `uploads.chunk`. */
  'uploads.begin': channel(() => ({
    input: z.object({
      fileName: z.string().trim().min(1).max(300),
      bytes: z
        .number()
        .int()
        .min(0)
        .max(MAX_UPLOAD_BYTES, `Files over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB cannot be uploaded`),
    }),
    output: z.object({ uploadId: UploadId, chunkBytes: z.number().int() }),
  })),
  /** The next part of an upload, in order; the answer says how many bytes have arrived. */
  'uploads.chunk': channel(() => ({
    input: z.object({
      uploadId: UploadId,
      offset: z.number().int().min(0),
      base64: z.string().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4),
    }),
    output: z.object({ received: z.number().int() }),
  })),
  'uploads.discard': channel(() => ({
    input: z.object({ uploadId: UploadId }),
    output: z.object({ discarded: z.boolean() }),
  })),
  /** Stops the running restore, if it has not started replacing the database yet. */
  'app.cancelOperation': channel(() => ({ input: z.object({}), output: z.object({ cancelled: z.boolean() }) })),
  'recovery.status': channel(() => ({ input: z.object({}), output: RecoveryStatus })),
  /** Replaces the lost or damaged database with a backup (the damaged file is kept aside). */
  'recovery.restoreBackup': channel(() => ({
    input: z.object({ name: z.string().min(1).max(200) }),
    output: z.object({ counts: CollectionCounts }),
  })),
  /** The safety copies in the data folder, newest first, whatever state the database is in. */
  'recovery.safetyCopies': channel(() => ({ input: z.object({}), output: z.array(SafetyCopyInfo) })),
  /** Puts a safety copy back as the database (what was there becomes a safety copy in turn). */
  'recovery.restoreSafetyCopy': channel(() => ({
    input: z.object({ name: z.string().min(1).max(200) }),
    output: z.object({ people: z.number().int() }),
  })),
  /** Opens a copy of the damaged database read-only, so its data can be looked at and exported. */
  'recovery.openReadOnly': channel(() => ({ input: z.object({}), output: z.object({}) })),
  /** Starts an empty profile; the lost or damaged file is kept aside, never deleted. */
  'recovery.startEmpty': channel(() => ({
    input: z.object({ confirm: z.literal(true, { error: 'Confirm that you want to start with an empty profile' }) }),
    output: z.object({}),
  })),
} as const;

export const lifecycleEvents = {
  /** Progress of a restore or a safety copy. */
  'app.progress': OperationProgress,
  /** The database was replaced (a restore, a recovery): everything shown must be read again. */
  'app.databaseReplaced': z.object({}),
} as const;

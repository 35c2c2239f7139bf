/**
 * Files too large for one message (an import, a restore archive) arrive in ordered chunks and
 * wait here, in memory, until a request names them by id. Uploads nobody uses expire, so a tab
 * that went away cannot hold memory for ever.
 */
import { randomBytes } from 'node:crypto';
import { MAX_UPLOAD_BYTES, UPLOAD_CHUNK_BYTES } from '../../../shared/ipc/channels/lifecycle.ts';
import { AppError } from '../../../shared/ipc/result.ts';

/** Unused uploads are dropped after this long. */
export const UPLOAD_EXPIRY_MS = 15 * 60_000;
/** Bytes all open uploads may hold together. */
export const MAX_OPEN_UPLOAD_BYTES = 1024 * 1024 * 1024;

interface Upload {
  fileName: string;
  expected: number;
  chunks: Buffer[];
  received: number;
  touchedAt: number;
}

export interface Uploads {
  begin(fileName: string, bytes: number): { uploadId: string; chunkBytes: number };
  chunk(uploadId: string, offset: number, base64: string): { received: number };
  /**
   * The whole file, once every byte arrived. It stays until `discard` (after the request that
   * used it succeeded), so a request refused once (a restore that needs confirming) can be retried.
   * @throws AppError `not_found` or `conflict` (not finished).
   */
  read(uploadId: string): { fileName: string; bytes: Uint8Array };
  discard(uploadId: string): boolean;
}

export function createUploads(now: () => number = Date.now): Uploads {
  const open = new Map<string, Upload>();
  const find = (uploadId: string) => {
    expire();
    const upload = open.get(uploadId);
    if (!upload) throw new AppError('not_found', 'That upload is no longer open. Choose the file again.');
    upload.touchedAt = now();
    return upload;
  };
  function expire() {
    for (const [id, upload] of open) if (now() - upload.touchedAt > UPLOAD_EXPIRY_MS) open.delete(id);
  }

  return {
    begin(fileName, bytes) {
      expire();
      const held = [...open.values()].reduce((n, u) => n + u.expected, 0);
      if (bytes > MAX_UPLOAD_BYTES || held + bytes > MAX_OPEN_UPLOAD_BYTES) {
        throw new AppError('unavailable', `${fileName} is too large to upload now (${Math.round(bytes / 1e6)} MB).`);
      }
      const uploadId = `up-${randomBytes(16).toString('hex')}`;
      open.set(uploadId, { fileName, expected: bytes, chunks: [], received: 0, touchedAt: now() });
      return { uploadId, chunkBytes: UPLOAD_CHUNK_BYTES };
    },
    chunk(uploadId, offset, base64) {
      const upload = find(uploadId);
      if (offset !== upload.received) {
        throw new AppError(
          'conflict',
          `Part of ${upload.fileName} arrived out of order (at ${offset}, expected ${upload.received}).`,
        );
      }
      const data = Buffer.from(base64, 'base64');
      if (upload.received + data.length > upload.expected) {
        open.delete(uploadId);
        throw new AppError('invalid_input', `${upload.fileName} is larger than announced; the upload was stopped.`);
      }
      upload.chunks.push(data);
      upload.received += data.length;
      return { received: upload.received };
    },
    read(uploadId) {
      const upload = find(uploadId);
      if (upload.received !== upload.expected) {
        throw new AppError(
          'conflict',
          `${upload.fileName} has not finished uploading (${upload.received} of ${upload.expected} bytes).`,
        );
      }
      return { fileName: upload.fileName, bytes: new Uint8Array(Buffer.concat(upload.chunks)) };
    },
    discard: (uploadId) => open.delete(uploadId),
  };
}

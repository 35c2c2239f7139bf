/**
 * Moving files across the IPC boundary from the renderer. Reading uses the browser's File API
 * and saving a Blob download link: both work the same in Electron and in browser mode, so no
 * native dialog or Node access is needed in the renderer.
 */

import { MAX_INLINE_ARCHIVE_CHARS, MAX_INLINE_BASE64 } from '../../../shared/ipc/channels/interchange.ts';
import type { Result } from '../../../shared/ipc/result.ts';
import { rapport } from '../../api/rapport.ts';

/** Bytes as base64. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked: String.fromCharCode(...all) overflows the call stack on large files.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * A chosen file, ready to name in a request: inline (`base64`) when small, otherwise uploaded in
 * parts first (`uploadId`), since one message may carry at most a few MB.
 */
export async function fileSource(file: File): Promise<Result<{ base64: string } | { uploadId: string }>> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if ((bytes.length * 4) / 3 < MAX_INLINE_BASE64) return { ok: true, value: { base64: toBase64(bytes) } };
  const begun = await rapport().uploads.begin({ fileName: file.name, bytes: bytes.length });
  if (!begun.ok) return begun;
  const { uploadId, chunkBytes } = begun.value;
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    const sent = await rapport().uploads.chunk({
      uploadId,
      offset,
      base64: toBase64(bytes.subarray(offset, offset + chunkBytes)),
    });
    if (!sent.ok) return sent;
  }
  return { ok: true, value: { uploadId } };
}

/** Offers `text` as a download named `fileName`. */
export function saveText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some engines start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An archive file for `interchange.restoreArchive`: its text inline when small, else uploaded. */
export async function archiveSource(file: File): Promise<Result<{ text: string } | { uploadId: string }>> {
  if (file.size * 1.1 < MAX_INLINE_ARCHIVE_CHARS) return { ok: true, value: { text: await file.text() } };
  const source = await fileSource(file);
  if (!source.ok) return source;
  return 'uploadId' in source.value
    ? { ok: true, value: { uploadId: source.value.uploadId } }
    : { ok: true, value: { text: await file.text() } };
}

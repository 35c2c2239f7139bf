/**
 * Moving files across the IPC boundary from the renderer. Reading uses the browser's File API
 * and saving a Blob download link: both work the same in Electron and in browser mode, so no
 * native dialog or Node access is needed in the renderer.
 */

/** A chosen file's bytes as base64, for `interchange.preview`. */
export async function readAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // Chunked: String.fromCharCode(...all) overflows the call stack on large files.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
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

/** A chosen file's text (an archive is UTF-8 JSON). */
export function readAsText(file: Blob): Promise<string> {
  return file.text();
}

/**
 * Quoted-printable (RFC 2045) as vCard 2.1 uses it. Soft line breaks are already joined by
 * lines.ts; any that remain (a trailing `=`) are dropped here. Works on binary strings so that a
 * multi-byte character split across `=XX` escapes is reassembled before text decoding.
 */
export function decodeQuotedPrintable(binary: string): string {
  return binary
    .replace(/=(?:\r\n|\r|\n|$)/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

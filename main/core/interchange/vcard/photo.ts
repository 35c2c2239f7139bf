/**
 * Inline photos: 3.0/2.1 `ENCODING=b` + TYPE, or a `data:` URI (4.0, and some 3.0 writers). The
 * base64 must be valid and the bytes a whole image of a type the app can show; otherwise the
 * photo is left out with a warning rather than stored broken. Remote links are never fetched
 * (offline-first, and a tracking risk); the caller keeps them as extensions.
 */
import type { Photo } from '../../../../shared/domain/contact.ts';
import { paramList, type VProp } from './prop.ts';

const DATA_URI = /^data:([^;,]*)(?:;[^,]*)?;base64,(.*)$/is;

/** An inline photo read from a PHOTO line, or why it was left out; undefined for a link. */
export type InlinePhoto = { photo: Photo } | { problem: string } | undefined;

export function inlinePhoto(prop: VProp): InlinePhoto {
  const raw = prop.raw.trim();
  const dataUri = DATA_URI.exec(raw);
  if (dataUri) return build(dataUri[2] ?? '');
  const encoding = paramList(prop, 'encoding')[0]?.toLowerCase();
  const looksInline =
    encoding === 'b' ||
    encoding === 'base64' ||
    (!/^[a-z][a-z0-9+.-]*:/i.test(raw) && /^[A-Za-z0-9+/=\s]{16,}$/.test(raw));
  if (!looksInline) return undefined;
  return build(raw);
}

function build(text: string): InlinePhoto {
  const data = canonicalBase64(text);
  if (data === undefined) return { problem: 'the photo is not valid base64 (it may have been cut short); left out' };
  if (!data) return undefined;
  const bytes = Buffer.from(data, 'base64');
  const image = sniffImage(bytes);
  if (!image) return { problem: 'the photo is not a JPEG, PNG, GIF, WebP or BMP image; left out' };
  if (!image.complete) return { problem: `the ${image.name} photo is cut short; left out` };
  return { photo: { mediaType: image.mediaType, data } };
}

/**
 * Standard base64 without whitespace and with its padding, or undefined when the text is not
 * base64 at all (a character outside the alphabet, or a length no encoder produces).
 */
export function canonicalBase64(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  const body = compact.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(body) || body.length % 4 === 1 || compact.length - body.length > 2) return undefined;
  return body + '='.repeat((4 - (body.length % 4)) % 4);
}

interface Sniffed {
  name: string;
  mediaType: string;
  /** False when the end marker of the format is missing: the data was cut short. */
  complete: boolean;
}

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Finds `marker` within the last `window` bytes. */
function endsNear(bytes: Uint8Array, marker: number[], window: number): boolean {
  for (let i = bytes.length - marker.length; i >= Math.max(0, bytes.length - window); i--)
    if (startsWith(bytes, marker, i)) return true;
  return false;
}

/**
 * The image type from its magic bytes (exporters often write TYPE=JPEG for PNGs, so the bytes
 * win over the label), and whether the data reaches the format's end marker.
 */
export function sniffImage(bytes: Uint8Array): Sniffed | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff]))
    // EOI; FF D9 cannot occur inside entropy-coded data, and some cameras pad after it.
    return { name: 'JPEG', mediaType: 'image/jpeg', complete: endsNear(bytes, [0xff, 0xd9], 1024) };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { name: 'PNG', mediaType: 'image/png', complete: endsNear(bytes, ascii('IEND'), 64) };
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a')))
    return { name: 'GIF', mediaType: 'image/gif', complete: endsNear(bytes, [0x3b], 16) };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) {
    const size = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
    return { name: 'WebP', mediaType: 'image/webp', complete: bytes.length >= size + 8 };
  }
  if (startsWith(bytes, ascii('BM')) && bytes.length >= 6) {
    const size = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(2, true);
    return { name: 'BMP', mediaType: 'image/bmp', complete: bytes.length >= size };
  }
  return undefined;
}

/** The subtype for a 3.0 `TYPE=` parameter (`image/jpeg` → `JPEG`). */
export function photoType(mediaType: string): string {
  return mediaType.replace(/^image\//i, '').toUpperCase();
}

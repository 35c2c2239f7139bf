/**
 * Inline photos: 3.0/2.1 `ENCODING=b` + TYPE, or a `data:` URI (4.0, and some 3.0 writers).
 * Remote links are never fetched (offline-first, and a tracking risk); the caller keeps them as
 * extensions.
 */
import type { Photo } from '../../../../shared/domain/contact.ts';
import { paramList, type VProp } from './parse-card.ts';

const DATA_URI = /^data:([^;,]*)(?:;[^,]*)?;base64,(.*)$/is;

export function inlinePhoto(prop: VProp): Photo | undefined {
  const raw = prop.raw.trim();
  const dataUri = DATA_URI.exec(raw);
  if (dataUri) return build(stripWhitespace(dataUri[2] ?? ''), dataUri[1]);
  const encoding = paramList(prop, 'encoding')[0]?.toLowerCase();
  const looksInline =
    encoding === 'b' ||
    encoding === 'base64' ||
    (!/^[a-z][a-z0-9+.-]*:/i.test(raw) && /^[A-Za-z0-9+/=\s]{16,}$/.test(raw));
  if (!looksInline) return undefined;
  return build(stripWhitespace(raw), paramList(prop, 'type')[0]);
}

function build(data: string, declared: string | undefined): Photo | undefined {
  if (!data) return undefined;
  const mediaType = sniff(data) ?? mediaTypeOf(declared);
  return mediaType ? { mediaType, data } : undefined;
}

const stripWhitespace = (s: string) => s.replace(/\s+/g, '');

/** `JPEG`, `image/jpeg`, `jpg` → `image/jpeg`. */
function mediaTypeOf(type: string | undefined): string | undefined {
  if (!type) return undefined;
  const t = type.trim().toLowerCase();
  if (t.startsWith('image/')) return t;
  if (t === 'jpg' || t === 'jpeg') return 'image/jpeg';
  return /^[a-z0-9.+-]+$/.test(t) ? `image/${t}` : undefined;
}

/** Trusts the bytes over the label: exporters often write TYPE=JPEG for PNGs. */
function sniff(base64: string): string | undefined {
  if (base64.startsWith('/9j/')) return 'image/jpeg';
  if (base64.startsWith('iVBORw0KGgo')) return 'image/png';
  if (base64.startsWith('R0lGOD')) return 'image/gif';
  if (base64.startsWith('UklGR')) return 'image/webp';
  return undefined;
}

/** The subtype for a 3.0 `TYPE=` parameter (`image/jpeg` → `JPEG`). */
export function photoType(mediaType: string): string {
  return mediaType.replace(/^image\//i, '').toUpperCase();
}

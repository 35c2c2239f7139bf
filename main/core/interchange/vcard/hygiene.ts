/**
 * Export hygiene: a kept extension is written back only as a line that is valid for the version
 * being written. Import keeps whatever a file held (`X-MESSAGING/GADU-ALL`, a 3.0 LABEL, base64
 * cut short); here each one is written as it was, renamed to a valid `X-` name, converted, or
 * left out, and every change is noted for the export report.
 */
import type { VCardExtension } from '../../../../shared/domain/contact.ts';
import { canonicalBase64 } from './photo.ts';
import { AT_MOST_ONCE, PARAMETERS, PROPERTIES, STRUCTURE } from './names.ts';

export type Version = '3.0' | '4.0';

/** One change the export made to a person's kept data. */
export interface ExportNote {
  /** Position of the person in the list given to the serialiser. */
  index: number;
  displayName: string;
  /** The property as it was kept, e.g. `X-MESSAGING/GADU-ALL`. */
  property: string;
  outcome: 'renamed' | 'converted' | 'left out';
  /** The name it was written as, when renamed. */
  writtenAs?: string;
  message: string;
}

export type Cleaned = { ok: true; ext: VCardExtension; notes: string[] } | { ok: false; why: string };

/** Binary properties that 3.0 writes with ENCODING=b and 4.0 as a `data:` URI. */
const MEDIA_FAMILY: Record<string, string> = { PHOTO: 'image', LOGO: 'image', SOUND: 'audio', KEY: 'application' };

/** `X-MESSAGING/GADU-ALL` → `X-MESSAGING-GADU-ALL`; undefined when nothing valid is left. */
function validName(name: string): string | undefined {
  const clean = name
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-');
  return clean || undefined;
}

const xName = (name: string) => (/^X-/i.test(name) ? name : `X-${name}`);

/**
 * Makes one kept extension valid for `version`. `written` holds the names of the properties the
 * card already has (FN, N, BDAY…), so a version's once-only properties are never repeated.
 */
export function cleanExtension(ext: VCardExtension, version: Version, written: Set<string>): Cleaned {
  const notes: string[] = [];
  const upper = ext.name.toUpperCase();
  if (STRUCTURE.has(upper)) return { ok: false, why: `${upper} is a line the export writes itself` };
  let name = validName(ext.name);
  if (!name) return { ok: false, why: `"${ext.name}" is not a property name` };
  if (name !== ext.name) {
    name = xName(name);
    notes.push(`"${ext.name}" is not a valid property name; written as ${name}`);
  } else if (!/^X-/i.test(name) && !PROPERTIES[version].has(upper)) {
    name = xName(name);
    notes.push(`${upper} is not a vCard ${version} property; written as ${name}`);
  } else if (AT_MOST_ONCE[version].has(upper) && written.has(upper)) {
    name = xName(name);
    notes.push(`vCard ${version} allows one ${upper}; the extra one is written as ${name}`);
  }
  written.add(name.toUpperCase());

  const group = ext.group === undefined ? undefined : validName(ext.group);
  if (ext.group !== undefined && group !== ext.group)
    notes.push(group ? `its group "${ext.group}" is written as ${group}` : `its group "${ext.group}" is left out`);

  const encodingParam = ext.params.encoding;
  const encoding = typeof encodingParam === 'string' ? encodingParam.toLowerCase() : undefined;
  const binary = encoding === 'b' || encoding === 'base64';
  const params: VCardExtension['params'] = {};
  for (const [key, value] of Object.entries(ext.params)) {
    // 4.0 has no ENCODING: the value becomes a data: URI below.
    if (binary && version === '4.0' && (key === 'encoding' || key === 'type')) continue;
    let param = validName(key);
    if (!param) {
      notes.push(`its parameter "${key}" is left out`);
      continue;
    }
    if (param !== key || (version === '4.0' && !/^X-/i.test(param) && !PARAMETERS['4.0'].has(param.toUpperCase()))) {
      param = xName(param).toLowerCase();
      notes.push(`its parameter "${key}" is written as ${param.toUpperCase()}`);
    }
    params[param] = value;
  }

  let value = ext.value;
  if (binary) {
    const data = canonicalBase64(value);
    if (data === undefined) return { ok: false, why: `the base64 data of ${upper} is broken` };
    value = data;
    if (version === '4.0') {
      value = `data:${mediaType(upper, ext.params.type)};base64,${data}`;
      notes.push(`vCard 4.0 has no ENCODING; ${upper} is written as a data: URI`);
    }
  } else if (/^data:[^,]*;base64,/i.test(value)) {
    const comma = value.indexOf(',');
    const data = canonicalBase64(value.slice(comma + 1));
    if (data === undefined) return { ok: false, why: `the base64 data of ${upper} is broken` };
    value = value.slice(0, comma + 1) + data;
  }
  // Values are kept in vCard escaping; a raw line break or control character would break the line.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const safe = value.replace(/\r\n|\r|\n/g, '\\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  if (safe !== value) notes.push('line breaks and control characters in its value are escaped or removed');
  return { ok: true, ext: { ...(group ? { group } : {}), name, params, value: safe }, notes };
}

/** The media type of an ENCODING=b value, from its TYPE (`JPEG`, `image/png`) and property. */
function mediaType(property: string, type: string | string[] | undefined): string {
  const first = (Array.isArray(type) ? type[0] : type)?.trim().toLowerCase();
  if (first?.includes('/')) return first;
  if (first && /^[a-z0-9.+-]+$/.test(first)) return `${MEDIA_FAMILY[property] ?? 'application'}/${first}`;
  return 'application/octet-stream';
}

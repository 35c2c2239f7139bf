/**
 * Our layer in front of ical.js: splits a logical line (binary string), turns vCard 2.1 habits
 * into 3.0 syntax (bare parameters, QUOTED-PRINTABLE, CHARSET, BASE64) and decodes the text.
 * ical.js then parses the resulting 3.0/4.0 line (see parse-card.ts).
 */
import { decodeBinary, type LegacyDecoder } from '../decode.ts';
import { headOf, valueColon } from './lines.ts';
import { decodeQuotedPrintable } from './quoted-printable.ts';

export interface RawParam {
  name: string;
  /** As written, quotes included, so ical.js sees exactly what the file said. */
  value: string;
}

export interface ContentLine {
  group?: string;
  /** Upper-case property name. */
  name: string;
  params: RawParam[];
  /** The value in vCard escaping, decoded to text. */
  value: string;
}

/** Bare 2.1 parameters that name an encoding rather than a type. */
const ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/** Splits on `;` outside double quotes. */
export function splitParams(head: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head[i];
    if (c === '"') quoted = !quoted;
    else if (c === ';' && !quoted) {
      parts.push(head.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(head.slice(start));
  return parts;
}

/** Returns undefined for a line with no property name. */
export function readContentLine(binary: string, version: string, legacy?: LegacyDecoder): ContentLine | undefined {
  const colon = valueColon(binary);
  if (colon <= 0) return undefined;
  const [fullName = '', ...paramParts] = splitParams(headOf(binary));
  const dot = fullName.lastIndexOf('.');
  const group = dot > 0 ? fullName.slice(0, dot).trim() : undefined;
  const name = fullName
    .slice(dot + 1)
    .trim()
    .toUpperCase();
  // Lenient: KDE writes names like `X-messaging/irc-All`; only whitespace or quotes rule a name out.
  if (!name || /[\s"]/.test(name)) return undefined;

  const params = normaliseParams(paramParts);
  const encoding = takeParam(params, 'ENCODING')?.toUpperCase();
  const charset = takeParam(params, 'CHARSET');
  let value = binary.slice(colon + 1);

  if (encoding === 'QUOTED-PRINTABLE') value = decodeQuotedPrintable(value);
  else if (encoding === 'BASE64' || encoding === 'B') params.push({ name: 'ENCODING', value: 'b' });
  else if (encoding && encoding !== '8BIT' && encoding !== '7BIT') params.push({ name: 'ENCODING', value: encoding });

  let text = decodeBinary(value, charset, legacy);
  // A decoded quoted-printable value may hold real line breaks; ical.js needs one line.
  if (encoding === 'QUOTED-PRINTABLE') text = text.replace(/\r\n|\r|\n/g, '\\n');
  // 2.1 gives commas no meaning, 3.0/4.0 use them as separators: escape them so they stay text.
  if (version === '2.1') text = text.replace(/\\?,/g, (m) => (m.length === 2 ? m : '\\,'));
  for (const p of params) p.value = decodeBinary(p.value, charset, legacy);
  return { ...(group ? { group } : {}), name, params, value: text };
}

/** Rebuilds the line in 3.0/4.0 syntax for ical.js. */
export function formatForIcal(line: ContentLine): string {
  const params = line.params.map((p) => `;${p.name}=${p.value}`).join('');
  return `${line.group ? `${line.group}.` : ''}${line.name}${params}:${line.value}`;
}

/** Bare 2.1 parameters (`TEL;CELL;PREF`) become one `TYPE=CELL,PREF`; bare encodings become ENCODING. */
function normaliseParams(parts: string[]): RawParam[] {
  const params: RawParam[] = [];
  const bareTypes: string[] = [];
  let typeAt = -1;
  for (const part of parts) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf('=');
    if (eq === -1) {
      if (ENCODINGS.has(trimmed.toUpperCase())) params.push({ name: 'ENCODING', value: trimmed });
      else {
        if (typeAt === -1) typeAt = params.length;
        bareTypes.push(trimmed);
      }
      continue;
    }
    const name = trimmed.slice(0, eq).trim().toUpperCase();
    // A parameter without a name (`;=x`) carries nothing we could interpret.
    if (name) params.push({ name, value: trimmed.slice(eq + 1).trim() });
  }
  if (bareTypes.length) params.splice(typeAt, 0, { name: 'TYPE', value: bareTypes.join(',') });
  return params;
}

function takeParam(params: RawParam[], name: string): string | undefined {
  const index = params.findIndex((p) => p.name === name);
  if (index === -1) return undefined;
  const [taken] = params.splice(index, 1);
  return taken?.value.replace(/^"|"$/g, '');
}

/**
 * Byte handling shared by the vCard and CSV importers.
 *
 * vCard structure (names, parameters, colons, line breaks) is ASCII, but a property's text may be
 * UTF-8, the charset its CHARSET parameter names, or a legacy code page nobody declared. So the
 * file is first turned into a "binary string" (one char per byte, code points 0–255); lines are
 * found and unfolded on that, and each value is decoded to text only once its bytes are complete.
 */
import { guessLegacyCharset } from './charset.ts';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export type UnicodeForm = 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

/**
 * The UTF-16/32 form of a file from its byte-order mark, or, without one, from where its zero
 * bytes fall: vCard and CSV structure is ASCII, so in UTF-16BE every other byte from the first is
 * zero (`00 42 00 45` for "BE"), in UTF-32LE three bytes of every four after the first, and so on.
 */
export function unicodeForm(bytes: Uint8Array): { form: UnicodeForm; bom: number } | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return { form: 'utf-32le', bom: 4 };
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return { form: 'utf-32be', bom: 4 };
  if (b0 === 0xff && b1 === 0xfe) return { form: 'utf-16le', bom: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { form: 'utf-16be', bom: 2 };
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~3);
  if (sample.length < 8) return undefined;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) zeros[i & 3]!++;
  const share = zeros.map((z) => z / (sample.length / 4));
  const mostly = (...at: number[]) => at.every((i) => share[i]! > 0.9);
  const often = (...at: number[]) => at.every((i) => share[i]! > 0.5);
  const rarely = (...at: number[]) => at.every((i) => share[i]! < 0.05);
  if (mostly(1, 2, 3) && rarely(0)) return { form: 'utf-32le', bom: 0 };
  if (mostly(0, 1, 2) && rarely(3)) return { form: 'utf-32be', bom: 0 };
  if (often(1, 3) && rarely(0, 2)) return { form: 'utf-16le', bom: 0 };
  if (often(0, 2) && rarely(1, 3)) return { form: 'utf-16be', bom: 0 };
  return undefined;
}

/** TextDecoder has no UTF-32; code points are read directly (invalid ones become U+FFFD). */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chars: string[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    chars.push(cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd');
  }
  return chars.join('');
}

function decodeUnicode(bytes: Uint8Array, form: UnicodeForm): string {
  if (form === 'utf-32le' || form === 'utf-32be') return decodeUtf32(bytes, form === 'utf-32le');
  return new TextDecoder(form).decode(bytes);
}

/** One char per byte. UTF-16 and UTF-32 files, with or without a BOM, are re-encoded as UTF-8 first. */
export function toBinaryString(input: Uint8Array): string {
  let bytes = input;
  const unicode = unicodeForm(bytes);
  if (unicode) bytes = new TextEncoder().encode(decodeUnicode(bytes.subarray(unicode.bom), unicode.form));
  else if (UTF8_BOM.every((b, i) => bytes[i] === b)) bytes = bytes.subarray(3);
  // Node's latin1 maps each byte to the same code point (TextDecoder's "latin1" is windows-1252,
  // which would not); it is ~50× faster than String.fromCharCode over chunks on a 5 MB file.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

export function binaryToBytes(binary: string): Uint8Array {
  return new Uint8Array(Buffer.from(binary, 'latin1'));
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/** Decodes bytes that are not valid UTF-8 and declare no charset. */
export type LegacyDecoder = (bytes: Uint8Array) => string;

const asWindows1252: LegacyDecoder = (bytes) => windows1252.decode(bytes);

/**
 * Decodes bytes using the named charset when the platform knows it; otherwise UTF-8 when the
 * bytes are valid UTF-8, else `legacy` (windows-1252 unless the caller guessed better).
 */
export function decodeBytes(bytes: Uint8Array, charset?: string, legacy: LegacyDecoder = asWindows1252): string {
  if (charset) {
    const decoder = decoderFor(charset);
    // A declared UTF-8 that is not valid UTF-8 is mislabelled legacy text: fall through.
    if (decoder && decoder.encoding !== 'utf-8') return decoder.decode(bytes);
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return legacy(bytes);
  }
}

export function decodeBinary(binary: string, charset?: string, legacy?: LegacyDecoder): string {
  // Pure ASCII is the same in every supported charset; skip the decoder.
  return isAscii(binary) ? binary : decodeBytes(binaryToBytes(binary), charset, legacy);
}

export const isAscii = (binary: string) => /^\p{ASCII}*$/u.test(binary);

export function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whole-file text for formats without per-value charsets (CSV). Valid UTF-8 (or UTF-16/32) is
 * read as such; anything else is read in the legacy code page the detector finds most likely,
 * which is returned so the importer can tell the user what was assumed.
 */
export function decodeFile(bytes: Uint8Array): { text: string; guessedCharset?: string } {
  const binary = toBinaryString(bytes);
  if (isAscii(binary)) return { text: binary };
  const raw = binaryToBytes(binary);
  if (isUtf8(raw)) return { text: strictUtf8.decode(raw) };
  const charset = guessLegacyCharset(raw);
  return { text: new TextDecoder(charset).decode(raw), guessedCharset: charset };
}

const decoders = new Map<string, TextDecoder | undefined>();
export function decoderFor(charset: string): TextDecoder | undefined {
  const key = charset.trim().toLowerCase();
  if (!decoders.has(key)) {
    try {
      decoders.set(key, new TextDecoder(key));
    } catch {
      decoders.set(key, undefined);
    }
  }
  return decoders.get(key);
}

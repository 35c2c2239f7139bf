/**
 * Which legacy code page undeclared, non-UTF-8 text is in. Old phones and Outlook write names in
 * the system's code page (Windows-1251 in Ukraine, 1255 in Israel, 1250 in Poland) without saying
 * so. jschardet (a port of Python's chardet 7) picks among the code pages such files really use.
 */
import { createRequire } from 'node:module';

/** The code pages address books have written, as WHATWG names `TextDecoder` knows. */
export const LEGACY_CHARSETS = [
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'windows-1258',
  'iso-8859-2',
  'iso-8859-5',
  'iso-8859-7',
  'iso-8859-8',
  'iso-8859-13',
  'iso-8859-15',
  'koi8-r',
  'koi8-u',
] as const;

/** What most Western exporters wrote, and what we assume when the detector has no opinion. */
export const DEFAULT_LEGACY = 'windows-1252';

type Detector = typeof import('jschardet').chardet;
let detector: Detector | undefined;

/**
 * Loaded on first use: its language models cost ~50 MB and 0.2 s, which only the rare legacy
 * file should pay, not every start of the app.
 */
function chardet(): Detector {
  detector ??= (createRequire(import.meta.url)('jschardet') as typeof import('jschardet')).chardet;
  return detector;
}

/** The WHATWG name of a label, or undefined when the platform cannot decode it. */
function whatwgName(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Hebrew', 'Arabic'].map(
  (name) => new RegExp(`\\p{Script=${name}}`, 'u'),
);

/**
 * True when some word mixes scripts ("Renι": Latin and Greek), which real names never do but a
 * wrong code page often produces from a few bytes.
 */
function mixesScripts(text: string): boolean {
  for (const [word] of text.matchAll(/\p{L}{2,}/gu))
    if (SCRIPTS.filter((script) => script.test(word)).length > 1) return true;
  return false;
}

/**
 * The legacy code page `bytes` (text that is not valid UTF-8) are most likely in: the detector's
 * best candidate whose reading mixes no scripts within a word. When that reads the bytes exactly
 * as windows-1252 would, windows-1252 is named instead: the detector often cannot tell 1250 from
 * 1252 for "René", and the text is the same either way.
 */
export function guessLegacyCharset(bytes: Uint8Array): string {
  const sample = bytes.length > 200_000 ? bytes.subarray(0, 200_000) : bytes;
  if (sample.length === 0) return DEFAULT_LEGACY;
  const results = chardet().detectAll(sample, { includeEncodings: LEGACY_CHARSETS, ignoreThreshold: true });
  const asDefault = new TextDecoder(DEFAULT_LEGACY).decode(sample);
  for (const result of results) {
    const name = result.encoding ? whatwgName(result.encoding) : undefined;
    if (!name) continue;
    const text = new TextDecoder(name).decode(sample);
    if (mixesScripts(text)) continue;
    return text === asDefault ? DEFAULT_LEGACY : name;
  }
  return DEFAULT_LEGACY;
}

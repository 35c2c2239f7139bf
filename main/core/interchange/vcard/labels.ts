/**
 * TYPE parameters ↔ the free-text labels Rapport stores.
 *
 * Import lower-cases the well-known types and maps `cell` to "mobile"; unknown types and Apple
 * `X-ABLabel`s are kept as written. Export writes a label as TYPE only when every word of it is a
 * type import would give back unchanged; anything else goes out as `itemN.X-ABLabel`, so labels
 * survive a round trip exactly.
 */

/** Types that say nothing a person would call a label (every e-mail is "internet"). */
const NOISE = new Set(['pref', 'internet', 'voice', 'x400', 'x-internet']);

const RENAMED: Record<string, string> = { cell: 'mobile' };

/** Words import produces from TYPE and export writes back as TYPE. */
const STANDARD = new Set([
  'home',
  'work',
  'mobile',
  'fax',
  'pager',
  'main',
  'other',
  'text',
  'video',
  'car',
  'isdn',
  'bbs',
  'modem',
  'msg',
  'textphone',
  'iphone',
  'postal',
  'parcel',
  'dom',
  'intl',
  'school',
  'personal',
]);

const TO_TYPE: Record<string, string> = { mobile: 'cell' };

export function labelFromTypes(types: string[]): string | undefined {
  const words: string[] = [];
  for (const type of types.flatMap((t) => t.split(','))) {
    const trimmed = type.trim();
    const lower = trimmed.toLowerCase();
    if (!trimmed || NOISE.has(lower)) continue;
    const word = RENAMED[lower] ?? (STANDARD.has(lower) ? lower : trimmed);
    if (!words.includes(word)) words.push(word);
  }
  return words.length ? words.join(' ') : undefined;
}

export function isPreferred(types: string[], pref: string[]): boolean {
  return types.some((t) => t.trim().toLowerCase() === 'pref') || pref.some((p) => p.trim() === '1');
}

/** TYPE values for a label, or undefined when the label needs X-ABLabel to survive. */
export function typesForLabel(label: string | undefined): string[] | undefined {
  if (!label) return [];
  const words = label.split(' ');
  if (!words.every((w) => STANDARD.has(w))) return undefined;
  // Import de-duplicates words; a label with repeats would not come back as written.
  if (new Set(words).size !== words.length) return undefined;
  return words.map((w) => TO_TYPE[w] ?? w);
}

/** Apple writes its built-in labels as `_$!<Mobile>!$_`. */
export function cleanAbLabel(label: string): string {
  const match = /^_\$!<(.*)>!\$_$/.exec(label.trim());
  return (match?.[1] ?? label).trim();
}

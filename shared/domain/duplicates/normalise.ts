/** Value normalisers shared by duplicate matching and merging, so both agree on "the same". */

/** Trimmed, lower-cased. Gmail dots and `+tags` are kept: they are distinct addresses elsewhere. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Digits shorter than this are too ambiguous to call two people the same (extensions, junk). */
export const MIN_PHONE_DIGITS = 5;
/** Numbers this long or longer are compared on their last this-many digits. */
export const PHONE_TAIL_DIGITS = 9;

/**
 * A comparison key for a phone number, or `null` when too short to mean anything.
 * Digits only; with ≥ 9 digits the last 9 are used, so "+44 7700 900123" and "07700 900123"
 * agree (country code and trunk prefix differ only at the front).
 */
export function phoneKey(phone: string): string | null {
  const digits = phone.replace(/\D+/g, '');
  if (digits.length < MIN_PHONE_DIGITS) return null;
  return digits.length >= PHONE_TAIL_DIGITS ? `t${digits.slice(-PHONE_TAIL_DIGITS)}` : `s${digits}`;
}

/** Lower case, accents stripped (NFD then marks removed), punctuation as spaces; tokens in order. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** Name tokens sorted and joined by one space: "Smith, John" and "john smith" give "john smith". */
export function normaliseName(name: string): string {
  return nameTokens(name).sort().join(' ');
}

/** A URL without scheme, `www.`, trailing slash or case, for de-duplicating social profiles. */
export function normaliseUrl(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

/**
 * Jaro–Winkler similarity in [0, 1] (1 = identical), with the standard 0.1 prefix scale over
 * at most 4 leading characters.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const matchedA = new Uint8Array(la);
  const matchedB = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      matchedA[i] = 1;
      matchedB[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < la; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[j]) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  const jaro = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

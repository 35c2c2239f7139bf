// Fills `{key}` templates. Templates are split once into literal and key parts, so filling 200k
// notes is a few array reads and one join each.
import { pick, type Rng } from './random.ts';

type Part = string | { key: string };
const compiled = new Map<string, readonly Part[]>();

function compile(template: string): readonly Part[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/).map((piece, i) => (i % 2 === 1 ? { key: piece } : piece));
    compiled.set(template, parts);
  }
  return parts;
}

export type Vars = Readonly<Record<string, string | undefined>>;

/**
 * Replaces each `{key}` with `vars[key]`, else a random pick from `pools[key]`. `{Key}` with a
 * capital gives the same value capitalised. A key found nowhere is left as written, so a typo in
 * a template shows up in the output (and in the tests) instead of vanishing.
 */
export function fill(
  template: string,
  vars: Vars,
  pools: Readonly<Record<string, readonly string[]>>,
  rng: Rng,
): string {
  const parts = compile(template);
  if (parts.length === 1) return template;
  // join() builds one flat string; `+=` would keep a tree of pieces alive for every note.
  const out: string[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as Part;
    out[i] = typeof part === 'string' ? part : resolve(part.key, vars, pools, rng);
  }
  return out.join('');
}

function resolve(key: string, vars: Vars, pools: Readonly<Record<string, readonly string[]>>, rng: Rng): string {
  const direct = vars[key] ?? (pools[key] ? pick(rng, pools[key]) : undefined);
  if (direct !== undefined) return direct;
  const lower = key.charAt(0).toLowerCase() + key.slice(1);
  if (lower !== key) {
    const value = resolve(lower, vars, pools, rng);
    return value.charAt(0).toUpperCase() + value.slice(1);
  }
  return `{${key}}`;
}

const FOLD: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  ß: 'ss',
  đ: 'd',
  ı: 'i',
};

/** Lower-case ASCII letters and digits for email local parts and URLs: "Łukasz O'Brien" → "lukaszobrien". */
export function asciiSlug(text: string, separator = ''): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁøØæÆßđı]/g, (ch) => FOLD[ch] ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(separator ? new RegExp(`^\\${separator}+|\\${separator}+$`, 'g') : /^$/, '');
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

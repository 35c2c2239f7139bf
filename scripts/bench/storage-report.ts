/** Verdict cells shared by the bench:storage scripts (issue 15's targets). */
import { writeFileSync } from 'node:fs';

/** Every storage read within this factor of raw node:sqlite doing the same select and parse. */
export const RAW_LIMIT = 1.5;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The storage's time over another's, or undefined without both figures. */
export const ratioOf = (storage: number | undefined, other: number | undefined) =>
  storage === undefined || other === undefined ? undefined : storage / other;

/** "1.23× PASS" against raw (≤ RAW_LIMIT), or "—" without a raw figure. */
export function vsRaw(storage: number | undefined, raw: number | undefined): string {
  const ratio = ratioOf(storage, raw);
  if (ratio === undefined) return '—';
  return `${ratio.toFixed(2)}× ${ratio <= RAW_LIMIT ? 'PASS' : 'FAIL'}`;
}

/** "0.12× PASS" when the storage is faster than Dexie, or `note` when there is no comparable figure. */
export function vsDexie(storage: number | undefined, dexie: number | undefined, note = '—'): string {
  const ratio = ratioOf(storage, dexie);
  if (ratio === undefined) return note;
  return `${ratio.toFixed(2)}× ${ratio < 1 ? 'PASS' : 'FAIL'}`;
}

export function ms(n: number | undefined, width = 10): string {
  return (n === undefined ? '—' : n.toFixed(n < 1 ? 3 : 2)).padStart(width);
}

/** One metric of a bench:storage script as bench:scale summarises it: the storage's time over raw's and Dexie's. */
export interface StorageVerdict {
  metric: string;
  vsRaw?: number | undefined;
  vsDexie?: number | undefined;
}

/**
 * Writes the script's figures as JSON to the file named by `--summary`, for bench:scale's two
 * storage lines (`scripts/bench/scale.ts`). Without it, nothing.
 */
export function writeSummary(file: string | undefined, script: string, verdicts: StorageVerdict[]): void {
  if (file) writeFileSync(file, JSON.stringify({ script, verdicts }));
}

/**
 * The CSV side of the import preview: the column mappings the user asked to remember (a synced
 * setting this area owns, keyed by the header row's signature), which of them a file's header
 * has, and a few values per column for the mapping step.
 */
import { z } from 'zod';
import { CsvMapping, headerSignature } from '../../../shared/domain/csv-mapping.ts';
import { CSV_SAMPLE_CHARS, CSV_SAMPLES, type CsvPreview } from '../../../shared/ipc/channels/interchange.ts';
import { settingsKey, type SettingsStore } from '../settings/settings-store.ts';
import { HEADER_SEARCH_ROWS } from './csv/layouts.ts';
import { readCsv, type CsvRow } from './csv/read-csv.ts';
import { unicodeForm } from './decode.ts';
import { detectFormat, importContactsFileSteps, type ImportFileResult } from './detect.ts';
import { runSliced } from './sliced.ts';

export interface PreviewOptions {
  /** How to read a CSV's columns (the user's correction); otherwise a remembered or the detected mapping. */
  csvMapping?: CsvMapping | undefined;
  /** For a CSV: true remembers the mapping used for its header row, false forgets the one remembered. */
  rememberLayout?: boolean | undefined;
}

/**
 * Parses a file for the preview. A CSV is read through, in order: the mapping the caller gave,
 * the one the user remembered for its header, or the detected one (a guess for an unknown
 * header, which reads nobody until the user confirms it). `rememberLayout` then stores or
 * forgets the mapping used, and `csv` says how the columns were read, with samples.
 */
export async function readContactsFile(
  fileName: string,
  bytes: Uint8Array,
  options: PreviewOptions,
  context: { layouts: RememberedLayouts | undefined; signal: AbortSignal },
): Promise<{ parsed: ImportFileResult; csv?: CsvPreview }> {
  const { layouts, signal } = context;
  let rows: CsvRow[] | undefined;
  let mapping = options.csvMapping;
  let source: CsvPreview['source'] = 'chosen';
  if (!mapping && layouts && detectFormat(bytes, fileName).format !== 'vcard') {
    rows = headRows(bytes, fileName);
    mapping = await layouts.find(headerSignatures(rows));
    source = 'remembered';
  }
  const parsed = await runSliced(importContactsFileSteps(bytes, fileName, { csvMapping: mapping }), { signal });
  if (!parsed.csv) return { parsed };
  const used = parsed.csv.mapping;
  if (!mapping) source = parsed.format === 'unknown' ? 'guessed' : 'detected';
  // A guess that read nobody is not worth remembering; the user confirms it first.
  if (layouts && options.rememberLayout === true && parsed.format !== 'unknown') await layouts.remember(used);
  if (layouts && options.rememberLayout === false) await layouts.forget(used.signature);
  const csv: CsvPreview = {
    layout: parsed.csv.layout,
    source,
    remembered: layouts ? await layouts.holds(used) : false,
    mapping: used,
    samples: columnSamples(rows ?? headRows(bytes, fileName), used),
  };
  return { parsed, csv };
}

/** Layouts kept; remembering one more forgets the one remembered longest ago. */
export const MAX_REMEMBERED_LAYOUTS = 100;

/**
 * Remembered mappings, oldest first. Each entry is checked on its own when read, so one damaged
 * entry (or one from a newer version) is ignored without losing the others.
 */
export const CSV_LAYOUTS = settingsKey({
  id: 'csv-layouts',
  label: 'the CSV layouts you used before',
  schema: z.object({
    layouts: z
      .array(z.unknown())
      .catch([])
      .transform((entries) =>
        entries.flatMap((entry) => {
          const parsed = CsvMapping.safeParse(entry);
          return parsed.success ? [parsed.data] : [];
        }),
      ),
  }),
  fallback: { layouts: [] },
  scope: 'synced',
});

/** Mappings compare equal whatever order their keys were built in. */
export const sameMapping = (a: CsvMapping, b: CsvMapping): boolean =>
  JSON.stringify(CsvMapping.parse(a)) === JSON.stringify(CsvMapping.parse(b));

export interface RememberedLayouts {
  /** The remembered mapping of the first of these header signatures that has one. */
  find(signatures: readonly string[]): Promise<CsvMapping | undefined>;
  /** Whether exactly this mapping is the one remembered for its header. */
  holds(mapping: CsvMapping): Promise<boolean>;
  /** Remembers `mapping` for its header, replacing what was remembered for it. */
  remember(mapping: CsvMapping): Promise<void>;
  forget(signature: string): Promise<void>;
}

export function rememberedLayouts(settings: SettingsStore): RememberedLayouts {
  const all = async () => (await settings.read(CSV_LAYOUTS)).layouts;
  return {
    async find(signatures) {
      const layouts = await all();
      for (const signature of signatures) {
        const found = layouts.find((m) => m.signature === signature);
        if (found) return found;
      }
      return undefined;
    },
    async holds(mapping) {
      const found = (await all()).find((m) => m.signature === mapping.signature);
      return found !== undefined && sameMapping(found, mapping);
    },
    async remember(mapping) {
      await settings.update(CSV_LAYOUTS, ({ layouts }) => ({
        layouts: [...layouts.filter((m) => m.signature !== mapping.signature), CsvMapping.parse(mapping)].slice(
          -MAX_REMEMBERED_LAYOUTS,
        ),
      }));
    },
    async forget(signature) {
      await settings.update(CSV_LAYOUTS, ({ layouts }) => ({
        layouts: layouts.filter((m) => m.signature !== signature),
      }));
    },
  };
}

/** The header and sample rows come from the start of the file only. */
const HEAD_BYTES = 64 * 1024;

/**
 * The first rows of a CSV file, read from its first 64 KB. The cut is made after a line feed, which
 * never falls inside a UTF-8 or single-byte character; UTF-16/32 files are read whole. A row cut
 * short at the end is dropped.
 */
export function headRows(bytes: Uint8Array, fileName: string): CsvRow[] {
  if (bytes.length <= HEAD_BYTES || unicodeForm(bytes)) return readCsv(bytes, fileName).rows;
  const end = bytes.lastIndexOf(0x0a, HEAD_BYTES) + 1;
  if (end === 0) return readCsv(bytes, fileName).rows;
  return readCsv(bytes.subarray(0, end), fileName).rows.slice(0, -1);
}

/** Signatures of the rows that could be a header, in file order (LinkedIn writes notes first). */
export const headerSignatures = (rows: readonly CsvRow[]): string[] =>
  rows.slice(0, HEADER_SEARCH_ROWS).map((r) => headerSignature(r.cells));

/** Data rows looked at for samples: enough to find values in sparse columns, quick on wide files. */
const SAMPLE_ROWS = 200;

/**
 * Up to CSV_SAMPLES different non-empty values per column, from the rows after the header the
 * mapping belongs to; `samples[i]` is column i's. Empty when that header is not among `rows`.
 */
export function columnSamples(rows: readonly CsvRow[], mapping: CsvMapping): string[][] {
  const headerAt = headerSignatures(rows).indexOf(mapping.signature);
  const width = Math.max(0, ...mapping.columns.map((c) => c.index + 1));
  const samples: string[][] = Array.from({ length: width }, () => []);
  if (headerAt === -1) return samples;
  for (const row of rows.slice(headerAt + 1, headerAt + 1 + SAMPLE_ROWS)) {
    for (const [index, list] of samples.entries()) {
      const value = (row.cells[index] ?? '').trim().replace(/\s+/g, ' ');
      if (!value || list.length >= CSV_SAMPLES) continue;
      const shown = value.length > CSV_SAMPLE_CHARS ? `${value.slice(0, CSV_SAMPLE_CHARS - 1)}…` : value;
      if (!list.includes(shown)) list.push(shown);
    }
  }
  return samples;
}

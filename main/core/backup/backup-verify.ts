/**
 * Verifying a backup by reading it back a chunk at a time: each file's SHA-256 and size against
 * the manifest, every archive document against its collection's schema (one at a time, in the
 * line layout), the documents per collection and the vCard's cards against the manifest's counts.
 * Memory stays at a chunk whatever the size of the backup. Backups written before the line
 * layout (one compact line) get the checks they always had: hashes and counts.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { z } from 'zod';
import { yieldToEventLoop } from '../db/bulk.ts';
import { collectionPlan, jsonPath, type CollectionPlan } from './archive-check.ts';
import { isLayoutStart, layoutReader, LayoutError, LineSplitter, type LayoutLine } from './archive-layout.ts';
import { chunksOf } from './file-chunks.ts';
import { lazyObject } from '../../../shared/lazy-schema.ts';

export const FILES = { vcard: 'people.vcf', archive: 'archive.json', manifest: 'manifest.json' } as const;

const FileEntry = lazyObject(() => ({ bytes: z.number().int(), sha256: z.string().regex(/^[a-f0-9]{64}$/) }));
export const Manifest = lazyObject(() => ({
  format: z.literal('rapport-backup'),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  counts: z.record(z.string(), z.number().int()),
  files: z.object({ [FILES.vcard]: FileEntry.extend({ cards: z.number().int() }), [FILES.archive]: FileEntry }),
}));
export type Manifest = z.infer<typeof Manifest>;

export interface VerifyOptions {
  signal?: AbortSignal;
  /** Archive documents checked so far. */
  onProgress?: (documents: number) => void;
}

/**
 * Reads a backup back and checks it. @throws Error naming the first mismatch: the file, and for
 * a bad document its line and field; the signal's reason when it aborts.
 */
export async function verifyBackup(dir: string, options: VerifyOptions = {}): Promise<Manifest> {
  const manifest = await readManifest(dir);
  const vcardPath = join(dir, FILES.vcard);
  let cards = 0;
  const vcard = await scan(vcardPath, options.signal, (lines) => {
    for (const line of lines) if (line === 'BEGIN:VCARD' || line === 'BEGIN:VCARD\r') cards++;
  });
  checkFile(vcardPath, vcard, manifest.files[FILES.vcard]);
  if (cards !== manifest.files[FILES.vcard].cards)
    throw new Error(`${vcardPath} holds ${cards} cards, expected ${manifest.files[FILES.vcard].cards}`);

  const archivePath = join(dir, FILES.archive);
  const archive = new ArchiveCheck(archivePath, options.onProgress);
  const written = await scan(archivePath, options.signal, (lines) => archive.lines(lines));
  const counts = await archive.finish();
  checkFile(archivePath, written, manifest.files[FILES.archive]);
  for (const [collection, count] of Object.entries(manifest.counts)) {
    const found = counts[collection] ?? -1;
    if (found !== count) throw new Error(`${archivePath} holds ${found} ${collection}, expected ${count}`);
  }
  for (const [collection, found] of Object.entries(counts))
    if (!(collection in manifest.counts))
      throw new Error(`${archivePath} holds ${found} ${collection}, which its manifest does not list`);
  return manifest;
}

export async function readManifest(dir: string): Promise<Manifest> {
  const parsed = Manifest.safeParse(JSON.parse(await readFile(join(dir, FILES.manifest), 'utf8')));
  if (!parsed.success) throw new Error(`${join(dir, FILES.manifest)} is not a Rapport backup manifest`);
  return parsed.data;
}

interface Scanned {
  bytes: number;
  sha256: string;
}

function checkFile(path: string, scanned: Scanned, expected: Scanned) {
  if (scanned.sha256 !== expected.sha256 || scanned.bytes !== expected.bytes)
    throw new Error(`${path} does not match its checksum`);
}

/** Hashes a file a chunk at a time and hands over its lines, with a turn of the event loop between chunks. */
async function scan(
  path: string,
  signal: AbortSignal | undefined,
  onLines: (lines: string[]) => void | Promise<void>,
): Promise<Scanned> {
  const hash = createHash('sha256');
  const decoder = new StringDecoder('utf8');
  const splitter = new LineSplitter();
  let bytes = 0;
  for await (const chunk of chunksOf(path, signal)) {
    hash.update(chunk);
    bytes += chunk.length;
    await onLines(splitter.feed(decoder.write(chunk)));
    await yieldToEventLoop();
  }
  await onLines(splitter.feed(decoder.end()).concat(splitter.end()));
  return { bytes, sha256: hash.digest('hex') };
}

/** The archive's documents checked line by line, counted per collection. */
class ArchiveCheck {
  private readonly read = layoutReader();
  private readonly counts: Record<string, number> = {};
  /** Lines of an archive in the old compact layout, parsed whole at the end. */
  private compact: string[] | undefined;
  private line = 0;
  private last: LayoutLine | undefined;
  private collection = '';
  private plan: CollectionPlan = { kind: 'skip' };
  private checked = 0;

  private readonly path: string;
  private readonly onProgress: ((documents: number) => void) | undefined;

  constructor(path: string, onProgress?: (documents: number) => void) {
    this.path = path;
    this.onProgress = onProgress;
  }

  async lines(lines: string[]): Promise<void> {
    if (this.line === 0 && lines.length && !isLayoutStart(lines[0]!)) this.compact = [];
    if (this.compact) {
      this.compact.push(...lines);
      this.line += lines.length;
      return;
    }
    for (const text of lines) {
      this.line++;
      const entry = this.parse(text);
      if (entry) this.last = entry;
      if (entry?.kind === 'collection') {
        this.collection = entry.name;
        this.counts[entry.name] = 0;
        this.plan = collectionPlan(entry.name, entry.schemaVersion);
      } else if (entry?.kind === 'document') {
        const index = this.counts[this.collection]!++;
        // Collections this build does not know are counted; a restore says why it cannot take them.
        if (this.plan.kind !== 'read') continue;
        const at = ['collections', this.collection, 'documents', index];
        const checked = await this.plan.check(entry.value, at);
        if (checked.ok === false) this.fail(`${jsonPath(checked.issues[0]!.path)}: ${checked.issues[0]!.message}`);
      }
    }
    this.onProgress?.((this.checked += lines.length));
  }

  /** The documents per collection. @throws when the archive ended early or (compact) is not JSON. */
  async finish(): Promise<Record<string, number>> {
    if (!this.compact) {
      if (this.last?.kind !== 'end') this.fail('the archive ends early: its closing line is missing');
      return this.counts;
    }
    let parsed: { collections?: Record<string, { documents?: unknown[] }> };
    try {
      parsed = JSON.parse(this.compact.join('\n')) as typeof parsed;
    } catch (error) {
      throw new Error(`${this.path} is not valid JSON (${(error as Error).message})`, { cause: error });
    }
    return Object.fromEntries(
      Object.entries(parsed.collections ?? {}).map(([name, c]) => [name, c.documents?.length ?? -1]),
    );
  }

  private parse(text: string): LayoutLine | undefined {
    try {
      return this.read(text);
    } catch (error) {
      if (error instanceof LayoutError) return this.fail(error.message);
      const at = jsonPath(['collections', this.collection, 'documents', this.counts[this.collection] ?? 0]);
      return this.fail(`${at}: not valid JSON (${(error as Error).message})`);
    }
  }

  private fail(message: string): never {
    throw new Error(`${this.path} line ${this.line}: ${message}`);
  }
}

/**
 * One backup on disk: a folder `rapport-<UTC time>` holding `people.vcf`, `archive.json` and
 * `manifest.json` (counts and SHA-256 of each file). It is written under a hidden temporary name,
 * read back and verified, and only then renamed into place, so every listed backup is complete.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { BackupInfo } from '../../../shared/ipc/channels/interchange.ts';
import { AppError } from '../../../shared/ipc/result.ts';

export const BACKUP_PREFIX = 'rapport-';
const NAME = /^rapport-\d{8}T\d{6}Z(-\d+)?$/;
export const FILES = { vcard: 'people.vcf', archive: 'archive.json', manifest: 'manifest.json' } as const;

const FileEntry = z.object({ bytes: z.number().int(), sha256: z.string().regex(/^[a-f0-9]{64}$/) });
export const Manifest = z.object({
  format: z.literal('rapport-backup'),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  counts: z.record(z.string(), z.number().int()),
  files: z.object({ [FILES.vcard]: FileEntry.extend({ cards: z.number().int() }), [FILES.archive]: FileEntry }),
});
export type Manifest = z.infer<typeof Manifest>;

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const cardCount = (vcard: string) => vcard.match(/^BEGIN:VCARD\r?$/gm)?.length ?? 0;

/** `2026-03-01T09:00:00.000Z` → `rapport-20260301T090000Z`: sortable, and legal on every file system. */
export const backupName = (createdAt: Date) =>
  BACKUP_PREFIX +
  createdAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Writes, verifies and publishes one backup; returns its listing entry. @throws when verification fails. */
export async function writeBackup(
  folder: string,
  content: { createdAt: Date; vcard: string; archive: string; counts: Record<string, number> },
): Promise<BackupInfo> {
  await mkdir(folder, { recursive: true });
  let name = backupName(content.createdAt);
  for (let n = 2; await exists(join(folder, name)); n++) name = `${backupName(content.createdAt)}-${n}`;
  const partial = join(folder, `.${name}.partial`);
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial);
  const manifest: Manifest = {
    format: 'rapport-backup',
    version: 1,
    createdAt: content.createdAt.toISOString(),
    counts: content.counts,
    files: {
      [FILES.vcard]: {
        bytes: Buffer.byteLength(content.vcard),
        sha256: sha256(content.vcard),
        cards: content.counts.contacts ?? 0,
      },
      [FILES.archive]: { bytes: Buffer.byteLength(content.archive), sha256: sha256(content.archive) },
    },
  };
  try {
    await writeFile(join(partial, FILES.vcard), content.vcard, { flush: true });
    await writeFile(join(partial, FILES.archive), content.archive, { flush: true });
    await writeFile(join(partial, FILES.manifest), JSON.stringify(manifest, null, 2), { flush: true });
    await verifyBackup(partial);
    await rename(partial, join(folder, name));
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  return {
    name,
    createdAt: manifest.createdAt,
    counts: manifest.counts,
    bytes: manifest.files[FILES.vcard].bytes + manifest.files[FILES.archive].bytes,
  };
}

/**
 * Reads a backup back: each file's hash must match the manifest, the archive must hold as many
 * documents per collection as the manifest counts, and the vCard as many cards as people.
 * @throws Error naming the first mismatch.
 */
export async function verifyBackup(dir: string): Promise<Manifest> {
  const manifest = await readManifest(dir);
  const vcard = await readFile(join(dir, FILES.vcard));
  const archive = await readFile(join(dir, FILES.archive));
  for (const [file, data] of [
    [FILES.vcard, vcard],
    [FILES.archive, archive],
  ] as const) {
    if (sha256(data) !== manifest.files[file].sha256) throw new Error(`${join(dir, file)} does not match its checksum`);
  }
  const cards = cardCount(vcard.toString('utf8'));
  if (cards !== manifest.files[FILES.vcard].cards)
    throw new Error(`${join(dir, FILES.vcard)} holds ${cards} cards, expected ${manifest.files[FILES.vcard].cards}`);
  const parsed = JSON.parse(archive.toString('utf8')) as { collections?: Record<string, { documents?: unknown[] }> };
  for (const [collection, count] of Object.entries(manifest.counts)) {
    const found = parsed.collections?.[collection]?.documents?.length ?? -1;
    if (found !== count) throw new Error(`${join(dir, FILES.archive)} holds ${found} ${collection}, expected ${count}`);
  }
  return manifest;
}

async function readManifest(dir: string): Promise<Manifest> {
  const parsed = Manifest.safeParse(JSON.parse(await readFile(join(dir, FILES.manifest), 'utf8')));
  if (!parsed.success) throw new Error(`${join(dir, FILES.manifest)} is not a Rapport backup manifest`);
  return parsed.data;
}

/** Complete backups in `folder`, newest first; folders that are not ours are ignored. */
export async function listBackups(folder: string): Promise<BackupInfo[]> {
  let names: string[];
  try {
    names = (await readdir(folder, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && NAME.test(e.name))
      .map((e) => e.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    try {
      const m = await readManifest(join(folder, name));
      out.push({
        name,
        createdAt: m.createdAt,
        counts: m.counts,
        bytes: m.files[FILES.vcard].bytes + m.files[FILES.archive].bytes,
      });
    } catch {
      // A damaged folder is not offered for restore; it stays on disk for the user to inspect.
    }
  }
  return out.sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1,
  );
}

/** The archive text of a named backup, after verifying it. @throws AppError `not_found` / `invalid_input`. */
export async function readBackupArchive(folder: string, name: string): Promise<string> {
  if (!NAME.test(name)) throw new AppError('not_found', `There is no backup called "${name}".`);
  const dir = join(folder, name);
  if (!(await exists(dir))) throw new AppError('not_found', `There is no backup called "${name}" in ${folder}.`);
  try {
    await verifyBackup(dir);
  } catch (error) {
    throw new AppError('invalid_input', `The backup ${name} is damaged: ${(error as Error).message}`);
  }
  return readFile(join(dir, FILES.archive), 'utf8');
}

/** Deletes one of our backup folders (never anything else). */
export async function deleteBackup(folder: string, name: string): Promise<void> {
  if (NAME.test(name)) await rm(join(folder, name), { recursive: true, force: true });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * One backup on disk: a folder `rapport-<UTC time>` holding `people.vcf`, `archive.json` and
 * `manifest.json` (counts and SHA-256 of each file). It is written under a hidden temporary name,
 * a page at a time, read back and verified (backup-verify.ts), and only then renamed into place,
 * so every listed backup is complete. A cancelled or failed backup removes its temporary folder;
 * one left by a killed process is removed by a later backup.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupInfo } from '../../../shared/ipc/channels/interchange.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { NEVER_CANCELLED } from '../jobs/cancellation.ts';
import type { Counts } from './archive-write.ts';
import { FILES, readManifest, verifyBackup, type Manifest, type VerifyOptions } from './backup-verify.ts';
import { HashedWriter } from './file-chunks.ts';

export { FILES, Manifest, verifyBackup } from './backup-verify.ts';

export const BACKUP_PREFIX = 'rapport-';
const NAME = /^rapport-\d{8}T\d{6}Z(-\d+)?$/;
const PARTIAL = /^\.rapport-\d{8}T\d{6}Z(-\d+)?\.partial$/;
/** A temporary folder untouched this long was left by a process that died (a running backup writes every second). */
const STALE_PARTIAL_MS = 10 * 60_000;

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** `2026-03-01T09:00:00.000Z` → `rapport-20260301T090000Z`: sortable, and legal on every file system. */
export const backupName = (createdAt: Date) =>
  BACKUP_PREFIX +
  createdAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export interface BackupContent {
  createdAt: Date;
  /** Writes the archive and the vCard (in any pieces); returns the documents per collection. */
  write(files: { archive: HashedWriter; vcard: HashedWriter }): Promise<Counts>;
}

/**
 * Writes, verifies and publishes one backup; returns its listing entry. Nothing is published once
 * `signal` aborts. @throws when writing or verification fails, or the signal's reason.
 */
export async function writeBackup(
  folder: string,
  content: BackupContent,
  options: VerifyOptions = {},
): Promise<BackupInfo> {
  const signal = options.signal ?? NEVER_CANCELLED;
  await mkdir(folder, { recursive: true });
  await removeStalePartials(folder);
  let name = backupName(content.createdAt);
  for (let n = 2; await exists(join(folder, name)); n++) name = `${backupName(content.createdAt)}-${n}`;
  const partial = join(folder, `.${name}.partial`);
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial);
  try {
    const files = {
      archive: await HashedWriter.create(join(partial, FILES.archive)),
      vcard: await HashedWriter.create(join(partial, FILES.vcard)),
    };
    let counts: Counts;
    try {
      counts = await content.write(files);
    } catch (error) {
      await Promise.all([files.archive.discard(), files.vcard.discard()]);
      throw error;
    }
    const [archive, vcard] = [await files.archive.close(), await files.vcard.close()];
    const manifest: Manifest = {
      format: 'rapport-backup',
      version: 1,
      createdAt: content.createdAt.toISOString(),
      counts,
      files: { [FILES.vcard]: { ...vcard, cards: counts.contacts ?? 0 }, [FILES.archive]: archive },
    };
    await writeFile(join(partial, FILES.manifest), JSON.stringify(manifest, null, 2), { flush: true });
    signal.throwIfAborted();
    await verifyBackup(partial, options);
    signal.throwIfAborted();
    await rename(partial, join(folder, name));
    return { name, createdAt: manifest.createdAt, counts, bytes: vcard.bytes + archive.bytes };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

/** Temporary folders of backups whose process died (killed mid-backup): never listed, so only taking space. */
async function removeStalePartials(folder: string): Promise<void> {
  const now = Date.now();
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (!entry.isDirectory() || !PARTIAL.test(entry.name)) continue;
    const dir = join(folder, entry.name);
    const touched = await Promise.all(
      [dir, ...(await readdir(dir)).map((file) => join(dir, file))].map((path) =>
        stat(path).then(
          (s) => s.mtimeMs,
          () => now,
        ),
      ),
    );
    if (now - Math.max(...touched) > STALE_PARTIAL_MS) await rm(dir, { recursive: true, force: true });
  }
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

/** The path of a named backup's archive, after verifying it. @throws AppError `not_found` / `invalid_input`. */
export async function verifiedBackupArchive(folder: string, name: string): Promise<string> {
  if (!NAME.test(name)) throw new AppError('not_found', `There is no backup called "${name}".`);
  const dir = join(folder, name);
  if (!(await exists(dir))) throw new AppError('not_found', `There is no backup called "${name}" in ${folder}.`);
  try {
    await verifyBackup(dir);
  } catch (error) {
    throw new AppError('invalid_input', `The backup ${name} is damaged: ${(error as Error).message}`);
  }
  return join(dir, FILES.archive);
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

/**
 * Safety copies: whole-database copies kept in `<dataDir>/safety-copies` before anything that
 * replaces or removes a lot (a restore, a large import, deleting many people). Each `.sqlite`
 * file has a `.json` note beside it saying why and when it was taken. They are never rotated
 * away by backups; only the oldest beyond `KEEP` go.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { backup, type DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import type { SafetyCopyInfo } from '../../../shared/ipc/channels/lifecycle.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { syncFile, syncFolder, writeFileAtomic } from './atomic-file.ts';
import { filesIn, type DataFolder } from './data-folder.ts';
import { lazyObject } from '../../../shared/lazy-schema.ts';

/** Copies kept; older ones are deleted when a new one is taken. */
export const KEEP_SAFETY_COPIES = 10;
const NAME = /^rapport-\d{8}T\d{6}Z(-\d+)?\.sqlite$/;

const Note = lazyObject(() => ({
  createdAt: z.iso.datetime(),
  reason: z.string().max(500),
  people: z.number().int().optional(),
}));

const stampOf = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function newName(folder: DataFolder, at: Date): string {
  mkdirSync(folder.safetyCopies, { recursive: true });
  let name = `rapport-${stampOf(at)}.sqlite`;
  for (let n = 2; existsSync(join(folder.safetyCopies, name)); n++) name = `rapport-${stampOf(at)}-${n}.sqlite`;
  return name;
}

function finish(folder: DataFolder, name: string, note: z.infer<typeof Note>): SafetyCopyInfo {
  const path = join(folder.safetyCopies, name);
  syncFile(path);
  writeFileAtomic(`${path}.json`, JSON.stringify(note, null, 2));
  prune(folder);
  return { name, ...note, bytes: statSync(path).size };
}

/**
 * Keeps the closed database file as a safety copy by hard-linking it (instant, no extra space),
 * falling back to nothing only if the file is gone. The caller has closed the database.
 */
export function keepClosedDatabase(
  folder: DataFolder,
  at: Date,
  reason: string,
  people?: number,
): SafetyCopyInfo | null {
  if (!existsSync(folder.database)) return null;
  const name = newName(folder, at);
  linkSync(folder.database, join(folder.safetyCopies, name));
  syncFolder(folder.safetyCopies);
  return finish(folder, name, { createdAt: at.toISOString(), reason, ...(people === undefined ? {} : { people }) });
}

/** Copies the open database with SQLite's online backup, while the app keeps running. */
export async function copyOpenDatabase(
  connection: DatabaseSync,
  folder: DataFolder,
  at: Date,
  reason: string,
  people: number,
): Promise<SafetyCopyInfo> {
  const name = newName(folder, at);
  const path = join(folder.safetyCopies, name);
  try {
    await backup(connection, path);
  } catch (error) {
    rmSync(path, { force: true });
    throw new AppError(
      'unavailable',
      `A safety copy could not be written to ${folder.safetyCopies} (${(error as Error).message}), so nothing was changed.`,
    );
  }
  return finish(folder, name, { createdAt: at.toISOString(), reason, people });
}

/** Safety copies, newest first; files without a readable note are listed with what is known. */
export function listSafetyCopies(folder: DataFolder): SafetyCopyInfo[] {
  const out: SafetyCopyInfo[] = [];
  for (const name of filesIn(folder.safetyCopies).filter((n) => NAME.test(n))) {
    const path = join(folder.safetyCopies, name);
    let note: z.infer<typeof Note> | undefined;
    try {
      note = Note.safeParse(JSON.parse(readFileSync(`${path}.json`, 'utf8'))).data;
    } catch {
      note = undefined;
    }
    const stat = statSync(path);
    out.push({
      name,
      createdAt: note?.createdAt ?? stat.mtime.toISOString(),
      reason: note?.reason ?? 'A copy of the database',
      ...(note?.people === undefined ? {} : { people: note.people }),
      bytes: stat.size,
    });
  }
  return out.sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1,
  );
}

/** The path of a listed safety copy. @throws AppError `not_found`. */
export function safetyCopyPath(folder: DataFolder, name: string): string {
  if (!NAME.test(name) || !existsSync(join(folder.safetyCopies, name)))
    throw new AppError('not_found', `There is no safety copy called "${name}".`);
  return join(folder.safetyCopies, name);
}

function prune(folder: DataFolder): void {
  for (const copy of listSafetyCopies(folder).slice(KEEP_SAFETY_COPIES)) {
    const path = join(folder.safetyCopies, copy.name);
    rmSync(path, { force: true });
    rmSync(`${path}.json`, { force: true });
  }
}

/**
 * Small files written so that a crash leaves either the old content or the new, never a torn one:
 * write a temporary file, flush it to disk, rename it over the old one, flush the folder.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export function writeFileAtomic(path: string, content: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, content, { flush: true });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dirname(path));
}

/**
 * {@link writeFileAtomic} with the writes and flushes on libuv's thread pool, so the event loop
 * goes on meanwhile. Callers must not write the same path twice at once (the temporary name is
 * per process). `flush: false` is for caches: a crash can then leave the old content, or a file
 * that fails to parse, but never one that parses as half of each.
 */
export async function writeFileAtomicAsync(path: string, content: string, { flush = true } = {}): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temp, content, { flush });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  if (!flush) return;
  let folder;
  try {
    folder = await open(dirname(path), 'r');
    await folder.sync();
  } catch {
    // As in syncFolder: some systems cannot flush a folder.
  } finally {
    await folder?.close();
  }
}

/** Makes a rename or unlink in `dir` durable. Some file systems refuse fsync on a folder; that is not an error. */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; its renames are durable on their own.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Flushes a file's content to disk. */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

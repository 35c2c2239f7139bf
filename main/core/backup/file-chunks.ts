/**
 * Files written and read in bounded pieces: a writer that hashes (SHA-256) and counts what it
 * writes, and a reader that hands a file over a chunk at a time, so neither holds a whole archive.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';

/** Bytes gathered before each write, and read at a time. */
export const CHUNK_BYTES = 1 << 20;

export interface WrittenFile {
  bytes: number;
  sha256: string;
}

/** A new file that takes text in any pieces; `close` flushes it to disk and returns its size and hash. */
export class HashedWriter {
  private readonly hash = createHash('sha256');
  private pending: string[] = [];
  private pendingLength = 0;
  private bytes = 0;

  private readonly handle: FileHandle;

  private constructor(handle: FileHandle) {
    this.handle = handle;
  }

  static async create(path: string): Promise<HashedWriter> {
    return new HashedWriter(await open(path, 'wx'));
  }

  /** Buffers `text`; writes once about a chunk has gathered. */
  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= CHUNK_BYTES) await this.flush();
  }

  /** Writes what is left, syncs and closes. @returns the file's size and SHA-256. */
  async close(): Promise<WrittenFile> {
    await this.flush();
    await this.handle.sync();
    await this.handle.close();
    return { bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  /** Closes without finishing (the file is being thrown away). */
  async discard(): Promise<void> {
    await this.handle.close().catch(() => {});
  }

  private async flush(): Promise<void> {
    if (!this.pending.length) return;
    const data = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingLength = 0;
    this.hash.update(data);
    this.bytes += data.length;
    for (let at = 0; at < data.length;) at += (await this.handle.write(data, at)).bytesWritten;
  }
}

/** A file's bytes, a chunk at a time; stops with the signal's reason when it aborts. */
export async function* chunksOf(path: string, signal?: AbortSignal): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    for (;;) {
      signal?.throwIfAborted();
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

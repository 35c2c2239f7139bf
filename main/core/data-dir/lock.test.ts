import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE_NAME } from './lock.ts';

const HOLDER = fileURLToPath(new URL('./lock-holder.ts', import.meta.url));

function startHolder(dir: string): Promise<ChildProcessWithoutNullStreams> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HOLDER, dir, 'hold']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`holder exited early (${code}): ${stderr}`)));
  });
}

function stopHolder(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.stdin.end();
  });
}

describe('data folder lock', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'rapport-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a second process "already running (pid …)" while the first holds the folder', async () => {
    const holder = await startHolder(dir);
    try {
      const attempt = spawnSync(process.execPath, [HOLDER, dir, 'try'], { encoding: 'utf8' });
      const outcome = JSON.parse(attempt.stdout.trim()) as Record<string, unknown>;
      expect(outcome).toEqual({
        ok: false,
        isLockError: true,
        code: 'data_dir_locked',
        pid: holder.pid,
        message: `Rapport is already running (pid ${holder.pid}) with this data folder: ${dir}`,
      });
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    } finally {
      await stopHolder(holder);
    }
    // After the holder released, the folder can be locked again.
    acquireDataDirLock(dir).release();
    expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  }, 20_000);

  it('takes over a lock left by a process that no longer exists', async () => {
    const holder = spawn(process.execPath, [HOLDER, dir, 'hold']);
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const deadPid = holder.pid as number;
    await new Promise<void>((resolve) => {
      holder.on('exit', () => resolve());
      holder.kill('SIGKILL');
    });
    expect(readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8')).toBe(String(deadPid));

    const lock = acquireDataDirLock(dir);
    expect(readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8')).toBe(String(process.pid));
    lock.release();
  }, 20_000);

  it('treats an unreadable lock file as stale and refuses a second lock in the same process', () => {
    writeFileSync(path.join(dir, LOCK_FILE_NAME), 'garbage');
    const lock = acquireDataDirLock(dir);
    try {
      expect(() => acquireDataDirLock(dir)).toThrow(
        `Rapport is already running (pid ${process.pid}) with this data folder: ${dir}`,
      );
    } finally {
      lock.release();
      lock.release();
    }
  });
});

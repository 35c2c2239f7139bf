/**
 * A backup is written page by page into a hidden temporary folder, verified, and only then renamed
 * into place (backup/backup-files.ts). Here `rapport backup now` is SIGKILLed at random moments
 * while that folder exists: the data must be untouched, every listed backup must verify, and the
 * next backup must still succeed and clear a temporary folder left long enough ago.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups, verifyBackup } from '../backup/backup-files.ts';
import { childScript } from '../testing/child-script.ts';
import { copyFolder, state, writePeople } from './kill-harness.ts';

const partials = (folder: string) => {
  try {
    return readdirSync(folder).filter((name) => name.endsWith('.partial'));
  } catch {
    return [];
  }
};

/**
 * Runs `rapport backup now` on `dir`. With `killAfterMs`, kills it that long after its temporary
 * folder appears. Resolves with how long that folder existed before the process ended.
 */
function backUp(dir: string, killAfterMs?: number): Promise<number> {
  const backups = join(dir, 'backups');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript('cli'), '--data-dir', dir, 'backup', 'now'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let writingSince: number | undefined;
    const watch = setInterval(() => {
      if (writingSince !== undefined || partials(backups).length === 0) return;
      writingSince = performance.now();
      if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    }, 2);
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      if (code === 0 || signal === 'SIGKILL') resolve(performance.now() - (writingSince ?? performance.now()));
      else reject(new Error(`rapport backup now exited with ${code}: ${stderr}`));
    });
  });
}

const verified = async (folder: string) => {
  const listed = await listBackups(folder);
  for (const backup of listed) await verifyBackup(join(folder, backup.name));
  return listed.length;
};

describe('killed at a random moment', () => {
  it('a backup leaves the data untouched and only complete, verified backups listed', async () => {
    const work = mkdtempSync(join(tmpdir(), 'rapport-kill-backup-'));
    try {
      const template = join(work, 'before');
      await writePeople(template, 1500, 'old');
      const before = await state(template);
      const calibration = copyFolder(template);
      const writingMs = await backUp(calibration);
      expect(await verified(join(calibration, 'backups'))).toBe(1);
      rmSync(calibration, { recursive: true, force: true });

      let seed = 20261204;
      const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 1000) / 1000;
      let leftUnfinished = 0;
      for (let round = 0; round < 4; round++) {
        const dir = copyFolder(template);
        const backups = join(dir, 'backups');
        await backUp(dir, next() * writingMs);
        expect(await state(dir)).toBe(before);
        const listed = await verified(backups);
        expect(listed).toBeLessThanOrEqual(1);
        const left = partials(backups);
        if (left.length) leftUnfinished++;
        // Left long enough ago that no running backup can own it: the next backup clears it.
        const longAgo = new Date(Date.now() - 60 * 60_000);
        for (const name of left) {
          for (const file of readdirSync(join(backups, name))) utimesSync(join(backups, name, file), longAgo, longAgo);
          utimesSync(join(backups, name), longAgo, longAgo);
        }
        await backUp(dir);
        expect(await verified(backups)).toBe(listed + 1);
        expect(partials(backups)).toEqual([]);
        rmSync(dir, { recursive: true, force: true });
      }
      // Most kills land while the backup is still being written, which is what this is about.
      expect(leftUnfinished).toBeGreaterThan(0);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 180_000);
});

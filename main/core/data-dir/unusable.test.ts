import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDir } from '../testing/test-core.ts';
import { acquireDataDirLock, DataDirUnusableError, LOCK_FILE_NAME } from './lock.ts';

describe('a data folder that cannot be used', () => {
  it('says so in words when the lock file is a folder, instead of an EISDIR stack trace', () => {
    const dir = testDir();
    mkdirSync(join(dir, LOCK_FILE_NAME));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirUnusableError);
    expect(() => acquireDataDirLock(dir)).toThrow(
      /rapport\.lock there is a folder, not a file; remove it if no Rapport is running/,
    );
    // Nothing half-made is left behind.
    expect(readdirSync(dir)).toEqual([LOCK_FILE_NAME]);
  });

  it('names the folder when part of its path is a file', () => {
    const dir = testDir();
    writeFileSync(join(dir, 'a-file'), '');
    const wanted = join(dir, 'a-file', 'Rapport');
    expect(() => acquireDataDirLock(wanted)).toThrow(
      `Rapport cannot use the data folder ${wanted}: part of the path is a file, not a folder.`,
    );
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { acquireConnection, releaseConnection } from '../storage/connection.ts';
import { testDir } from '../testing/test-core.ts';
import { dataFolder } from './data-folder.ts';
import { moveIntoPlace, setAside, swapInDatabase } from './swap.ts';

it('moves no file while this process still has the database open', () => {
  const folder = dataFolder(testDir());
  const db = acquireConnection(folder.database, { synchronous: 'FULL', busyTimeoutMs: 1000 });
  db.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('still here')");
  const replacement = join(folder.dir, 'replacement.sqlite');
  writeFileSync(replacement, 'new');
  const at = new Date('2026-03-18T12:00:00Z');
  const before = readFileSync(folder.database);
  try {
    expect(() => swapInDatabase(folder, replacement, at, { reason: 'restore' })).toThrow('still open');
    expect(() => setAside(folder, at, 'damaged')).toThrow('still open');
    expect(() => moveIntoPlace(folder, replacement)).toThrow('still open');
    expect(readFileSync(folder.database)).toEqual(before);
    expect(readFileSync(replacement, 'utf8')).toBe('new');
    expect(db.prepare('SELECT text FROM notes').get()).toEqual({ text: 'still here' });
  } finally {
    releaseConnection(folder.database);
  }
});

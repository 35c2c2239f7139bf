import path from 'node:path';
import { expect, it } from 'vitest';
import { acquireConnection, releaseConnection } from './connection.ts';
import { makeTempDir } from './test-helpers.ts';

const pragma = (db: ReturnType<typeof acquireConnection>, name: string) =>
  Object.values(db.prepare(`PRAGMA ${name}`).get() as object)[0] as number | string;

it('commits durably: WAL, a sync at every commit, and the full flush macOS needs for it', () => {
  const temp = makeTempDir('rapport-connection-');
  const file = path.join(temp.dir, 'durable.sqlite');
  const db = acquireConnection(file, { synchronous: 'FULL', busyTimeoutMs: 1000 });
  try {
    expect(pragma(db, 'journal_mode')).toBe('wal');
    expect(pragma(db, 'synchronous')).toBe(2);
    // Without these, a commit on macOS can sit in the drive's cache when the power goes.
    expect(pragma(db, 'fullfsync')).toBe(1);
    expect(pragma(db, 'checkpoint_fullfsync')).toBe(1);
  } finally {
    releaseConnection(file);
    temp.dispose();
  }
});

/**
 * Damage as a failing disk leaves it, for tests of what notices it: one page of a real database
 * file overwritten, where only SQLite's full check (`quick_check`) reads it.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';

/**
 * Overwrites the header of the first page of a practice index, which opening the core and its
 * first screens do not read. The database must be closed.
 */
export function damageAnIndexPage(database: string): void {
  const db = new DatabaseSync(database, { readOnly: true });
  const { page_size: pageSize } = db.prepare('PRAGMA page_size').get() as { page_size: number };
  const { pageno } = db
    .prepare("SELECT pageno FROM dbstat WHERE name LIKE 'rx_practice%:ik:%' ORDER BY pageno LIMIT 1")
    .get() as { pageno: number };
  db.close();
  const fd = openSync(database, 'r+');
  try {
    // Page type 0xff is none of SQLite's four b-tree page types.
    writeSync(fd, Buffer.alloc(8, 0xff), 0, 8, (pageno - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

import { writeMarks, type ReadInput, type RapportDatabase } from './database.ts';

/**
 * `read`, answered from its last result while nothing it read has been written since: each call
 * takes the write marks of `inputs` (before reading, so a write during a read is never hidden),
 * and a call with the same marks and arguments shares the last read. One result is kept; a failed
 * read is not, nor one nobody asked for in `forgetAfterMs` (large results are not held for good
 * by a screen visited once). On a storage without write marks (memory) every call reads.
 * Marks see every write of this process, which holds the data folder alone (data-dir/lock.ts);
 * reminders/shared-snapshot.ts adds a schedule's expiry to the same idea.
 */
export function keptRead<A extends unknown[], T>(
  db: RapportDatabase,
  inputs: readonly ReadInput[],
  read: (...args: A) => Promise<T>,
  { forgetAfterMs = 60_000 }: { forgetAfterMs?: number } = {},
): (...args: A) => Promise<T> {
  let kept: { key: string; result: Promise<T> } | undefined;
  let forget: NodeJS.Timeout | undefined;
  return (...args) => {
    const marks = writeMarks(db, inputs);
    if (marks === undefined) return read(...args);
    clearTimeout(forget);
    forget = setTimeout(() => (kept = undefined), forgetAfterMs);
    forget.unref();
    const key = JSON.stringify([args, marks]);
    if (kept?.key === key) return kept.result;
    const entry = { key, result: read(...args) };
    kept = entry;
    entry.result.catch(() => {
      if (kept === entry) kept = undefined;
    });
    return entry.result;
  };
}

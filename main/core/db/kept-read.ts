import { writeMarks, type ReadInput, type RapportDatabase } from './database.ts';

/**
 * `read`, answered from its last result while nothing it read has been written since: each call
 * takes the write marks of `inputs` (before reading, so a write during a read is never hidden),
 * and a call with the same marks and arguments shares the last read. One result is kept; a failed
 * read is not. On a storage without write marks (memory) every call reads.
 */
export function keptRead<A extends unknown[], T>(
  db: RapportDatabase,
  inputs: readonly ReadInput[],
  read: (...args: A) => Promise<T>,
): (...args: A) => Promise<T> {
  let kept: { key: string; result: Promise<T> } | undefined;
  return (...args) => {
    const marks = writeMarks(db, inputs);
    if (marks === undefined) return read(...args);
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

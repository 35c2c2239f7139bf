/**
 * Which backups to keep: the newest of each of the last N days that have a backup, plus the
 * newest of each of the last M ISO weeks (Monday start), plus always the newest overall.
 * Days and weeks are local, because that is how the user counts them. Pure.
 */
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { localDay } from '../clock.ts';

export interface DatedBackup {
  name: string;
  createdAt: Date;
}

/** Names to delete, oldest first. */
export function backupsToDelete(backups: readonly DatedBackup[], keepDaily: number, keepWeekly: number): string[] {
  const newestFirst = [...backups].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.name < b.name ? 1 : -1),
  );
  const keep = new Set<string>();
  if (newestFirst[0]) keep.add(newestFirst[0].name);
  keepNewestPerBucket(newestFirst, (d) => localDay(d), keepDaily, keep);
  keepNewestPerBucket(newestFirst, (d) => localDay(startOfISOWeek(d)), keepWeekly, keep);
  return newestFirst
    .filter((b) => !keep.has(b.name))
    .map((b) => b.name)
    .reverse();
}

/** Walks newest first; the first backup seen in a bucket is that bucket's newest. */
function keepNewestPerBucket(
  newestFirst: readonly DatedBackup[],
  bucketOf: (d: Date) => string,
  buckets: number,
  keep: Set<string>,
): void {
  const seen = new Set<string>();
  for (const backup of newestFirst) {
    const bucket = bucketOf(backup.createdAt);
    if (seen.has(bucket)) continue;
    if (seen.size >= buckets) return;
    seen.add(bucket);
    keep.add(backup.name);
  }
}

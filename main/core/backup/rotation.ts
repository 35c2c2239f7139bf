/**
 * Which backups to keep: the newest of each of the last N days that have a backup, plus the
 * newest of each of the last M ISO weeks (Monday start), plus always the two newest overall: a
 * "Back up now" later the same day would otherwise replace that day's earlier backup, which may be
 * the last copy from before a mistake the new one already holds. Days and weeks are local, because
 * that is how the user counts them.
 *
 * Rotation never erases the good copy: the newest backup that holds more people than the newest
 * one is kept whatever its age, so a day of accidental deletions (or a lost database backed up
 * as empty) cannot rotate the last full backup away. Pure.
 */
import { startOfISOWeek } from '../../../shared/date-fns.ts';
import { localDay } from '../clock.ts';

export interface DatedBackup {
  name: string;
  createdAt: Date;
  /** People in the backup, when known. */
  people?: number;
}

/** A backup that shrinks the people by more than this share keeps the one before it and warns. */
export const SHRINK_WARNING = 0.2;

/** Names to delete, oldest first. */
export function backupsToDelete(backups: readonly DatedBackup[], keepDaily: number, keepWeekly: number): string[] {
  const newestFirst = [...backups].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.name < b.name ? 1 : -1),
  );
  const keep = new Set<string>();
  const newest = newestFirst[0];
  for (const recent of newestFirst.slice(0, 2)) keep.add(recent.name);
  keepNewestPerBucket(newestFirst, (d) => localDay(d), keepDaily, keep);
  keepNewestPerBucket(newestFirst, (d) => localDay(startOfISOWeek(d)), keepWeekly, keep);
  const fuller = newest?.people === undefined ? undefined : newestFirst.find((b) => (b.people ?? -1) > newest.people!);
  if (fuller) keep.add(fuller.name);
  return newestFirst
    .filter((b) => !keep.has(b.name))
    .map((b) => b.name)
    .reverse();
}

/** The warning for a backup that holds far fewer people than the one before it, if it does. */
export function shrinkWarning(previous: DatedBackup | undefined, latest: DatedBackup): string | undefined {
  if (previous?.people === undefined || latest.people === undefined || previous.people === 0) return undefined;
  const lost = (previous.people - latest.people) / previous.people;
  if (lost <= SHRINK_WARNING) return undefined;
  return `The latest backup holds ${latest.people} people, ${Math.round(lost * 100)}% fewer than the one before (${previous.people}). That earlier backup is kept until a backup holds as many people again; if people were deleted by mistake, restore it.`;
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

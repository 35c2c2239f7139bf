import type { PracticeSession, StoredAfter } from './model.ts';

/** A session with its afterwards half saved. */
export type FinishedSession = PracticeSession & { after: StoredAfter; completedOn: string };

// Days and instants are fixed-width ISO strings, so one string orders by day, then creation, then id.
const order = (s: FinishedSession) => `${s.completedOn} ${s.createdAt} ${s.id}`;

/** Finished sessions, oldest first (by completion day, then creation time). */
export function finishedSessions(sessions: readonly PracticeSession[]): FinishedSession[] {
  return sessions
    .filter((s): s is FinishedSession => s.status === 'done' && !!s.after && !!s.completedOn)
    .sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

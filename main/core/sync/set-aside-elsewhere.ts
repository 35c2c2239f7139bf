/**
 * Values a sync merge set aside on records that have no person page to show them: events, fear
 * ladders, practices and your own starters. Settings → Sync lists them; each owning area settles
 * its own (`events.settleSetAside`, `practice.settleSetAside`, `starters.settleSetAside`).
 * These collections hold hundreds of documents, not hundreds of thousands, so a scan is cheap.
 */
import { auditTime, merge, startWith, switchMap, type Observable } from 'rxjs';
import type { SyncConflict } from '../../../shared/domain/sync/conflict-record.ts';
import type { SetAsideRecord } from '../../../shared/ipc/channels/sync.ts';
import type { RapportDatabase } from '../db/database.ts';

type WithSetAside = { id: string; conflicts?: SyncConflict[] };

export function watchSetAsideElsewhere(db: RapportDatabase): Observable<SetAsideRecord[]> {
  return merge(db.events.$, db.practice_ladders.$, db.practice_sessions.$, db.user_starters.$).pipe(
    auditTime(100),
    startWith(null),
    switchMap(() => listSetAsideElsewhere(db)),
  );
}

async function listSetAsideElsewhere(db: RapportDatabase): Promise<SetAsideRecord[]> {
  const [events, ladders, sessions, starters] = await Promise.all([
    db.events.find().exec(),
    db.practice_ladders.find().exec(),
    db.practice_sessions.find().exec(),
    db.user_starters.find().exec(),
  ]);
  const setAside = (kind: SetAsideRecord['kind'], doc: WithSetAside, title: string): SetAsideRecord[] =>
    doc.conflicts?.length ? [{ kind, id: doc.id, title, values: doc.conflicts }] : [];
  return [
    ...events.flatMap((e) => setAside('event', e, e.name)),
    ...ladders.flatMap((l) => setAside('ladder', l, l.name)),
    ...sessions.flatMap((s) => setAside('session', s, s.task)),
    ...starters.flatMap((s) => setAside('starter', s, s.text)),
  ];
}

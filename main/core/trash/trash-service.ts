import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/ipc/result.ts';
import type { Clock } from '../clock.ts';
import type { RapportCollections, RapportDatabase } from '../db/database.ts';

type CollectionName = keyof RapportCollections;
export type Removed = Partial<Record<CollectionName, { id: string }[]>>;

export interface TrashService {
  /** Removes the given documents and keeps copies, so `restore` can bring them back. Returns the undo token. */
  discard(label: string, removed: Removed): Promise<string>;
  /** Keeps copies of documents about to be changed (not removed), so `restore` puts them back as they were. */
  keep(label: string, before: Removed): Promise<string>;
  /** @throws AppError `not_found` when the token is unknown or already restored. */
  restore(token: string): Promise<{ label: string; restored: number; contactIds: string[] }>;
}

/**
 * Destructive actions go through here: the removed documents are copied into the `trash`
 * collection in the same step, so an undo (or a later restore) never depends on memory.
 */
export function createTrashService(db: RapportDatabase, clock: Clock): TrashService {
  return {
    async discard(label, removed) {
      const id = randomUUID();
      await db.trash.insert({
        id,
        label,
        deletedAt: clock.now().toISOString(),
        payload: removed as Record<string, unknown[]>,
      });
      for (const [name, docs] of Object.entries(removed) as [CollectionName, { id: string }[]][]) {
        if (docs.length) await db[name].bulkRemove(docs.map((d) => d.id));
      }
      return id;
    },

    async keep(label, before) {
      const id = randomUUID();
      await db.trash.insert({
        id,
        label,
        deletedAt: clock.now().toISOString(),
        payload: before as Record<string, unknown[]>,
      });
      return id;
    },

    async restore(token) {
      const entry = await db.trash.findOne(token).exec();
      if (!entry) throw new AppError('not_found', 'There is nothing left to undo for that action.');
      const { label, payload } = entry.toJSON() as { label: string; payload: Removed };
      let restored = 0;
      for (const [name, docs] of Object.entries(payload) as [CollectionName, { id: string }[]][]) {
        if (!docs?.length) continue;
        // Upsert revives documents RxDB marked deleted, keeping their ids.
        await (db[name] as RapportCollections['contacts']).bulkUpsert(docs as never[]);
        restored += docs.length;
      }
      await entry.remove();
      return { label, restored, contactIds: touchedPeople(payload) };
    },
  };
}

/** Everyone whose timeline or status a restore can change. */
function touchedPeople(payload: Removed): string[] {
  const ids = new Set<string>();
  for (const c of payload.contacts ?? []) ids.add(c.id);
  for (const i of (payload.interactions ?? []) as { contactIds?: string[] }[])
    for (const c of i.contactIds ?? []) ids.add(c);
  for (const p of (payload.participations ?? []) as { contactId?: string }[]) if (p.contactId) ids.add(p.contactId);
  return [...ids];
}

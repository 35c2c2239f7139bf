/**
 * The undo log. A destructive action first copies what it will remove into `trash` (so a crash
 * in the middle never loses data), then each owning area removes its own documents. `restore`
 * hands the copies back to their owners, which write them again: this module writes only `trash`.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/ipc/result.ts';
import { asArea, inArea } from '../area.ts';
import type { Clock } from '../clock.ts';
import { COLLECTIONS, type CollectionName } from '../db/collections.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { WriteJournal } from '../lifecycle/write-journal.ts';

export type Removed = Partial<Record<CollectionName, { id: string }[]>>;
/** Writes back an owner's documents from the trash. */
export type Restorer = (docs: Record<string, unknown>[]) => Promise<void>;

export interface Trash {
  /** Keeps copies of documents about to be removed; returns the undo token. */
  keep(label: string, removed: Removed): Promise<string>;
  /** Gives each owner its documents back. @throws AppError `not_found` when the token is unknown or used. */
  restore(token: string): Promise<{ label: string; restored: number }>;
  /** Drops entries without restoring them (an unfinished operation's undo); tokens already gone are skipped. */
  forget(tokens: string[]): Promise<void>;
  /** Called once by each area that discards documents into the trash. */
  registerRestorer(collection: CollectionName, restore: Restorer): void;
}

export function createTrash(db: RapportDatabase, clock: Clock, journal: Pick<WriteJournal, 'expect'>): Trash {
  const restorers = new Map<CollectionName, Restorer>();
  return asArea('trash', {
    async keep(label: string, removed: Removed) {
      const id = randomUUID();
      const payload = Object.fromEntries(Object.entries(removed).filter(([, docs]) => docs?.length));
      journal.expect({ createdTrash: [id] });
      await db.trash.insert({ id, label, deletedAt: clock.now().toISOString(), payload });
      return id;
    },

    async restore(token: string) {
      const entry = await db.trash.findOne(token).exec();
      if (!entry) throw new AppError('not_found', 'There is nothing left to undo for that action.');
      const { label, payload } = entry.toMutableJSON() as {
        label: string;
        payload: Record<string, Record<string, unknown>[]>;
      };
      let restored = 0;
      for (const [name, docs] of Object.entries(payload)) {
        // Derived rows in older entries (participations) are rebuilt by the projector instead.
        const info = COLLECTIONS[name as CollectionName];
        if (!docs?.length || !info || info.kind === 'derived') continue;
        const restore = restorers.get(name as CollectionName);
        if (!restore) throw new Error(`No area restores "${name}" from the trash`);
        // The owner writes its own documents back, as itself.
        await inArea(info.owner, () => restore(docs));
        restored += docs.length;
      }
      await entry.remove();
      return { label, restored };
    },

    async forget(tokens: string[]) {
      if (tokens.length) await db.trash.bulkRemove(tokens);
    },

    registerRestorer(collection: CollectionName, restore: Restorer) {
      restorers.set(collection, restore);
    },
  });
}

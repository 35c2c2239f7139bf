/**
 * The undo log. A destructive action first copies what it will remove into `trash`, then each
 * owning area removes its own documents; `discard` runs the two as one journalled operation, so a
 * crash between them leaves neither an entry for a document still there nor a removal without
 * its copy. `restore` hands the copies back to their owners, which write them again, and then
 * drops the entry, also as one operation: this module writes only `trash`.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/ipc/result.ts';
import { asArea, inArea } from '../area.ts';
import type { Clock } from '../clock.ts';
import { COLLECTIONS, type CollectionName } from '../db/collections.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { Elsewhere, WriteJournal } from '../lifecycle/write-journal.ts';
import type { TrashDocument } from './schema.ts';

export type Removed = Partial<Record<CollectionName, { id: string }[]>>;
/** Writes back an owner's documents from the trash. */
export type Restorer = (docs: Record<string, unknown>[]) => Promise<void>;
/** Removes an owner's documents by id (an undo that did not finish, taken back). */
export type Remover = (ids: string[]) => Promise<void>;

export interface Trash {
  /**
   * Keeps copies of documents about to be removed or changed; returns the undo token. Inside a
   * journalled operation the copies are recorded too, as the documents were before it.
   */
  keep(label: string, removed: Removed): Promise<string>;
  /**
   * Keeps copies of `removed`, then runs `remove` (the owners' removals): all or nothing, even if
   * the app dies between them. Returns the undo token.
   */
  discard(label: string, removed: Removed, remove: () => Promise<void>): Promise<string>;
  /** Gives each owner its documents back. @throws AppError `not_found` when the token is unknown or used. */
  restore(token: string): Promise<{ label: string; restored: number }>;
  /** Drops entries without restoring them (an unfinished operation's undo); tokens already gone are skipped. */
  forget(tokens: string[]): Promise<void>;
  /** Writes entries back as they were (an unfinished undo, taken back). */
  putBack(entries: { id: string }[]): Promise<void>;
  /** Takes back writes to events or practice through their owners: `created` go, `replaced` are written back. */
  undoWrites(collection: Elsewhere, created: string[], replaced: { id: string }[]): Promise<void>;
  /**
   * Called once by each area that discards documents into the trash; `remove` by the owners of
   * the collections the journal undoes through the trash (events, practice).
   */
  registerRestorer(collection: CollectionName, restore: Restorer, remove?: Remover): void;
}

export function createTrash(
  db: RapportDatabase,
  clock: Clock,
  journal: Pick<WriteJournal, 'expect' | 'operation'>,
): Trash {
  const owners = new Map<CollectionName, { restore: Restorer; remove?: Remover | undefined }>();
  const ownerOf = (name: CollectionName) => {
    const owner = owners.get(name);
    if (!owner) throw new Error(`No area restores "${name}" from the trash`);
    return owner;
  };

  const trash = asArea('trash', {
    async keep(label: string, removed: Removed) {
      const id = randomUUID();
      const payload = Object.fromEntries(Object.entries(removed).filter(([, docs]) => docs?.length));
      // One record covers the entry and what the owners then remove or change: the areas' own
      // records of those writes add nothing to it.
      journal.expect({ createdTrash: [id], replacedIn: payload as Removed });
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
      return journal.operation(`the undo of “${label}”`, async () => {
        let restored = 0;
        for (const [key, docs] of Object.entries(payload)) {
          // Derived rows in older entries (participations) are rebuilt by the projector instead.
          const name = key as CollectionName;
          const info = COLLECTIONS[name];
          if (!docs?.length || !info || info.kind === 'derived') continue;
          const { restore } = ownerOf(name);
          // Each document comes back over what is there now (a shared interaction a delete
          // changed) or where nothing is: the record says which, for taking it back.
          const ids = docs.map((d) => String(d.id));
          const current = [...(await db.collections[name].findByIds(ids).exec()).values()].map(
            (d) => d.toMutableJSON() as { id: string },
          );
          const there = new Set(current.map((d) => d.id));
          journal.expect({
            createdIn: { [name]: ids.filter((id) => !there.has(id)) },
            replacedIn: { [name]: current },
          });
          // The owner writes its own documents back, as itself.
          await inArea(info.owner, () => restore(docs));
          restored += docs.length;
        }
        journal.expect({ removedTrash: [entry.toMutableJSON() as TrashDocument] });
        await entry.remove();
        return { label, restored };
      });
    },

    async forget(tokens: string[]) {
      if (tokens.length) await db.trash.bulkRemove(tokens);
    },

    async putBack(entries: { id: string }[]) {
      if (entries.length) await db.trash.bulkUpsert(entries as TrashDocument[]);
    },

    async undoWrites(collection: Elsewhere, created: string[], replaced: { id: string }[]) {
      const { restore, remove } = ownerOf(collection);
      const owner = COLLECTIONS[collection].owner;
      if (created.length) {
        if (!remove) throw new Error(`No area removes "${collection}" for an undo`);
        await inArea(owner, () => remove(created));
      }
      if (replaced.length) await inArea(owner, () => restore(replaced as Record<string, unknown>[]));
    },

    registerRestorer(collection: CollectionName, restore: Restorer, remove?: Remover) {
      owners.set(collection, { restore, remove });
    },
  });
  return {
    ...trash,
    // Not as the trash: `remove` is the owners' code and writes as its caller.
    discard: (label, removed, remove) =>
      journal.operation(label, async () => {
        const token = await trash.keep(label, removed);
        await remove();
        return token;
      }),
  };
}

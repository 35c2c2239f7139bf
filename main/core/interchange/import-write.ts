/**
 * The write phase of an import. Everything is computed before the first write; writes then go
 * in bulk chunks (≤ 500 documents) with a turn of the event loop between them. RxDB has no
 * multi-collection transaction, so on cancel or failure the writes made so far are compensated:
 * inserted documents are removed and merged people get their previous record back.
 */
import type { RxCollection } from 'rxdb';
import type { RapportDatabase } from '../db/database.ts';
import { CHUNK, yieldToEventLoop } from '../backup/bulk.ts';

export interface WritePlan {
  /** New documents per collection, in write order (contacts before their interactions). */
  inserts: { collection: 'contacts' | 'interactions' | 'participations'; docs: Record<string, unknown>[] }[];
  /** Replacement contact records, with the record each replaces. */
  merges: { next: Record<string, unknown>; previous: Record<string, unknown> }[];
}

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled; nothing was changed.');
    this.name = 'ImportCancelled';
  }
}

type AnyCollection = RxCollection<Record<string, unknown>>;

/**
 * Applies the plan; `shouldStop` is checked after each chunk.
 * @throws ImportCancelled after undoing, when stopped; the write error after undoing, on failure.
 */
export async function applyPlan(
  db: RapportDatabase,
  plan: WritePlan,
  hooks: { shouldStop: () => boolean; onProgress: (phase: 'writing' | 'undoing', done: number, total: number) => void },
): Promise<void> {
  const collection = (name: string) => (db.collections as unknown as Record<string, AnyCollection>)[name]!;
  const total = plan.merges.length + plan.inserts.reduce((n, i) => n + i.docs.length, 0);
  const inserted: { collection: string; ids: string[] }[] = [];
  const merged: Record<string, unknown>[] = [];
  let done = 0;
  const step = async (count: number) => {
    done += count;
    hooks.onProgress('writing', done, total);
    await yieldToEventLoop();
    if (hooks.shouldStop()) throw new ImportCancelled();
  };

  try {
    for (let i = 0; i < plan.merges.length; i += CHUNK) {
      const chunk = plan.merges.slice(i, i + CHUNK);
      // Recorded before the write, so a half-applied chunk is also put back.
      merged.push(...chunk.map((m) => m.previous));
      const result = await db.contacts.bulkUpsert(chunk.map((m) => m.next) as never[]);
      if (result.error.length) throw new Error(`Merging people failed (${result.error[0]!.status})`);
      await step(chunk.length);
    }
    for (const { collection: name, docs } of plan.inserts) {
      for (let i = 0; i < docs.length; i += CHUNK) {
        const chunk = docs.slice(i, i + CHUNK);
        inserted.push({ collection: name, ids: chunk.map((d) => String(d.id)) });
        const result = await collection(name).bulkInsert(chunk);
        if (result.error.length)
          throw new Error(`Writing ${name} failed (${result.error[0]!.status} for ${result.error[0]!.documentId})`);
        await step(chunk.length);
      }
    }
  } catch (error) {
    await undo(db, inserted, merged, (n) => hooks.onProgress('undoing', n, total));
    throw error;
  }
}

/** Removes what was inserted (newest first) and restores the merged people's previous records. */
async function undo(
  db: RapportDatabase,
  inserted: { collection: string; ids: string[] }[],
  merged: Record<string, unknown>[],
  onProgress: (n: number) => void,
): Promise<void> {
  const collection = (name: string) => (db.collections as unknown as Record<string, AnyCollection>)[name]!;
  let undone = 0;
  for (const { collection: name, ids } of inserted.reverse()) {
    await collection(name).bulkRemove(ids);
    onProgress((undone += ids.length));
    await yieldToEventLoop();
  }
  for (let i = 0; i < merged.length; i += CHUNK) {
    const chunk = merged.slice(i, i + CHUNK);
    await db.contacts.bulkUpsert(chunk as never[]);
    onProgress((undone += chunk.length));
    await yieldToEventLoop();
  }
}

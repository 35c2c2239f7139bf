/**
 * A rebuild of every derived row from scratch: read all source documents, compute what derived
 * data must be (derive.ts), and write only the differences. Used when the projection's rules
 * change, by `rapport rebuild`, and by tests as the reference the live projector must equal.
 */
import type { RxCollection } from 'rxdb';
import type { RapportDatabase } from '../db/database.ts';
import { CHUNK, pagesOf, yieldToEventLoop } from '../db/bulk.ts';
import type { ContactDocument } from '../people/schema.ts';
import type { InteractionDocument } from '../interactions/schema.ts';
import { deriveAll, sameRow } from './derive.ts';
import type { RebuildReport } from './projector.ts';

async function all<T extends { id: string }>(collection: RxCollection<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pagesOf(collection)) out.push(...page);
  return out;
}

/** What the derived collections must hold for the source data as it is now. Reads only. */
export async function expectedDerived(db: RapportDatabase) {
  const contacts = await all(db.contacts as unknown as RxCollection<ContactDocument>);
  const interactions = await all(db.interactions as unknown as RxCollection<InteractionDocument>);
  return deriveAll(contacts, interactions);
}

export async function rebuildDerived(db: RapportDatabase): Promise<RebuildReport> {
  const expected = await expectedDerived(db);
  let changed = 0;
  changed += await replaceWith(db.participations as unknown as RxCollection<{ id: string }>, expected.participations);
  changed += await replaceWith(db.people_index as unknown as RxCollection<{ id: string }>, expected.peopleIndex);
  return { changed, participations: expected.participations.size, people: expected.peopleIndex.size };
}

/** Makes the collection hold exactly `wanted`, writing only rows that differ. */
async function replaceWith(collection: RxCollection<{ id: string }>, wanted: Map<string, { id: string }>) {
  const stale: string[] = [];
  const write: { id: string }[] = [];
  const seen = new Set<string>();
  for await (const page of pagesOf(collection)) {
    for (const row of page) {
      seen.add(row.id);
      const target = wanted.get(row.id);
      if (!target) stale.push(row.id);
      else if (!sameRow(row, target)) write.push(target);
    }
  }
  for (const [id, row] of wanted) if (!seen.has(id)) write.push(row);
  for (let i = 0; i < stale.length; i += CHUNK) {
    await collection.bulkRemove(stale.slice(i, i + CHUNK));
    await yieldToEventLoop();
  }
  for (let i = 0; i < write.length; i += CHUNK * 10) {
    await collection.bulkUpsert(write.slice(i, i + CHUNK * 10));
    await yieldToEventLoop();
  }
  return stale.length + write.length;
}

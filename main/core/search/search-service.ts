import { merge, type Subscription } from 'rxjs';
import { createSearchIndex, type SearchDoc } from '../../../shared/domain/search/index.ts';
import type { SearchHitView } from '../../../shared/domain/views.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { DetailDocument } from '../details/schema.ts';
import type { InteractionDocument } from '../interactions/schema.ts';
import type { ContactDocument } from '../people/schema.ts';

export interface SearchService {
  /** People first, then interactions; empty for a blank query. Waits for the index if it is still being built. */
  query(q: string, limit: number): Promise<SearchHitView[]>;
  /** Starts building the index in the background (in pages, yielding between them). */
  warmUp(): void;
  close(): void;
}

const PAGE = 2000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const personDoc = (c: ContactDocument): SearchDoc => ({
  kind: 'person',
  id: c.id,
  personIds: [c.id],
  fields: {
    name: c.displayName,
    organisation: [c.organisation, c.role].filter(Boolean).join(' · '),
    notes: c.notes ?? '',
    tags: c.tags.join(' '),
  },
});
const interactionDoc = (i: InteractionDocument): SearchDoc => ({
  kind: 'interaction',
  id: i.id,
  personIds: i.contactIds,
  date: i.date,
  fields: { title: i.title ?? '', notes: i.notes ?? '' },
});
/** Sensitive details are searchable: search runs only in the main window. */
const detailDoc = (d: DetailDocument): SearchDoc => ({
  kind: 'detail',
  id: d.id,
  personIds: [d.contactId],
  date: d.learnedOn,
  fields: { detail: d.text },
});

/**
 * Keeps an in-memory index of names, organisations, notes, details and interactions in step with
 * the database, so each keystroke is answered without touching storage.
 */
export function createSearchService(db: RapportDatabase): SearchService {
  let index = createSearchIndex();
  let ready: Promise<void> | null = null;
  let live: Subscription | null = null;
  let closed = false;
  const names = new Map<string, string>();
  const interactionDates = new Map<string, string>();

  async function build() {
    // Subscribe before the initial load, so nothing written meanwhile is missed.
    live = merge(db.contacts.$, db.interactions.$, db.details.$).subscribe((event) => {
      const kind =
        event.collectionName === 'contacts'
          ? 'person'
          : event.collectionName === 'interactions'
            ? 'interaction'
            : 'detail';
      if (event.operation === 'DELETE') {
        index.remove(kind, event.documentId);
        names.delete(event.documentId);
        interactionDates.delete(event.documentId);
        return;
      }
      const doc = event.documentData as never;
      if (kind === 'person') {
        names.set((doc as ContactDocument).id, (doc as ContactDocument).displayName);
        index.upsert(personDoc(doc));
      } else if (kind === 'interaction') {
        interactionDates.set((doc as InteractionDocument).id, (doc as InteractionDocument).date);
        index.upsert(interactionDoc(doc));
      } else index.upsert(detailDoc(doc));
    });
    for (const c of await db.contacts.find().exec()) {
      names.set(c.id, c.displayName);
      index.upsert(personDoc(c.toMutableJSON()));
    }
    for (const d of await db.details.find().exec()) index.upsert(detailDoc(d.toMutableJSON()));
    // 200k interactions: read in pages along the sort index so neither memory nor the event loop spikes.
    for (let after = ''; !closed;) {
      const page = await db.interactions
        .find({ selector: { sortKey: { $gt: after } }, sort: [{ sortKey: 'asc' }], index: ['sortKey'], limit: PAGE })
        .exec();
      for (const i of page) {
        interactionDates.set(i.id, i.date);
        index.upsert(interactionDoc(i.toMutableJSON()));
      }
      if (page.length < PAGE) break;
      after = page.at(-1)!.sortKey;
      await yieldToEventLoop();
    }
  }

  /** Builds the index once; a failed build is forgotten, so the next search tries again. */
  function ensureBuilt(): Promise<void> {
    ready ??= build().catch((error: unknown) => {
      live?.unsubscribe();
      live = null;
      ready = null;
      // Start the next attempt from an empty index: deletes were not followed meanwhile.
      index = createSearchIndex();
      names.clear();
      interactionDates.clear();
      if (!closed) console.error('[rapport] Building the search index failed; the next search tries again:', error);
      throw error;
    });
    return ready;
  }

  return {
    warmUp() {
      // A warm-up cut short by close() must not surface as an unhandled rejection.
      ensureBuilt().catch(() => {});
    },
    async query(q, limit) {
      if (!q.trim()) return [];
      await ensureBuilt();
      return index.search(q, limit).map((hit) => ({
        kind: hit.detailId ? ('detail' as const) : hit.kind,
        id: hit.detailId ?? hit.id,
        personIds: hit.personIds,
        title:
          hit.kind === 'interaction'
            ? hit.personIds
                .map((id) => names.get(id) ?? '')
                .filter(Boolean)
                .join(', ')
            : (names.get(hit.personIds[0] ?? '') ?? ''),
        field: hit.field,
        snippet: hit.snippet,
        highlights: hit.highlights,
        ...(hit.kind === 'interaction' && interactionDates.has(hit.id) ? { date: interactionDates.get(hit.id)! } : {}),
      }));
    },
    close() {
      closed = true;
      live?.unsubscribe();
    },
  };
}

/**
 * Keeps the search index (main/core/search/fts-store.ts) equal to what the people, details and
 * interactions imply, whoever wrote them: a service, an import, a restore, another device.
 *
 * Like the projector, it reads each source collection's change feed from a saved checkpoint and
 * rewrites the index rows of whatever changed, as it is now, so a pass is idempotent. Details are
 * kept in the index's own table as the feed delivers them, so a person's row is rebuilt without
 * querying their details (a query apiece cost more than indexing them). Its
 * checkpoints are stored in the index's own tables and committed in the same transaction as the
 * rows, so the index survives restarts and never needs a build at start: only when it is missing
 * (a new or restored database) or its version changed does the first pass read everything.
 */
import { DatabaseSync } from 'node:sqlite';
import { getChangedDocumentsSince, now as rxNow, type RxCollection, type RxStorageDefaultCheckpoint } from 'rxdb';
import { BehaviorSubject, merge, type Observable, type Subscription } from 'rxjs';
import type { SearchIndexState } from '../../../shared/domain/views.ts';
import { sqliteConnectionOf, type RapportDatabase } from '../db/database.ts';
import { yieldToEventLoop } from '../db/bulk.ts';
import type { ContactDocument } from '../people/schema.ts';
import { openFtsStore, type FtsStore, type PersonFields } from '../search/fts-store.ts';
import { notAhead } from './checkpoints.ts';

/** Source documents read per step of each change feed. */
const BATCH = 1000;
/** A pass that indexed this many documents (a build) merges the index's segments afterwards. */
const MERGE_AFTER = 5000;
/**
 * Pages FTS5 writes per step of that merge, each its own transaction with the event loop free in
 * between: at 2k/40k, 34 steps of at most 93 ms instead of one 213 ms 'optimize' (docs/storage.md).
 */
const MERGE_PAGES = 64;
/** How long writes may gather before a background pass indexes them. */
const SETTLE_MS = 250;

type Deletable<T> = T & { _deleted?: boolean };
/** A feed not read in this step: nothing new, and its checkpoint where it was. */
const NOTHING = { documents: [], checkpoint: undefined } as const;
type Checkpoints = Partial<Record<'contacts' | 'interactions' | 'details', RxStorageDefaultCheckpoint>>;

export interface SearchProjection {
  readonly store: FtsStore;
  /** Resolves once every write made before the call is in the index. */
  flush(): Promise<void>;
  /** True while writes may be missing from the index (a pass is due or running). */
  readonly behind: boolean;
  /**
   * Resolves once no merge is running or due from a pass already started (a build of at least
   * MERGE_AFTER documents, or one a quit interrupted, merges after it); rejects with the error of
   * a merge step that failed since the last call. Searches need not wait: they are complete
   * before, only a little slower.
   */
  merged(): Promise<void>;
  /** Empties the index and reads every source document again (`rapport rebuild`). */
  rebuild(): Promise<{ people: number; interactions: number }>;
  /** A build from scratch and how far it has read; not building otherwise (catching up says nothing). */
  readonly state$: Observable<SearchIndexState>;
  close(): Promise<void>;
}

/**
 * Opens the index in the database's own SQLite file (a private in-memory one on other storages),
 * or in `into` (which it then owns): tests build a second index from scratch that way.
 */
export function createSearchProjection(db: RapportDatabase, into?: DatabaseSync): SearchProjection {
  const connection = into ? undefined : sqliteConnectionOf(db);
  const store = openFtsStore(connection ?? into ?? new DatabaseSync(':memory:'), !connection);
  // Writes arrived that no pass has started on yet; a pass is running (it may be missing some).
  let behind = true;
  let running = false;
  let closed = false;
  let current: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;
  let merging: Promise<void> | undefined;
  let mergeFailure: unknown;
  const state = new BehaviorSubject<SearchIndexState>({ building: false, done: 0, total: 0 });

  // A burst of writes (an import, a sync) is indexed in one pass soon after; a search in between
  // catches up first, so it never sees the index behind.
  let soon: ReturnType<typeof setTimeout> | undefined;
  const live: Subscription = merge(db.contacts.$, db.interactions.$, db.details.$).subscribe(() => {
    behind = true;
    soon ??= setTimeout(() => {
      soon = undefined;
      void flush().catch(() => {});
    }, SETTLE_MS);
  });

  async function catchUp(): Promise<void> {
    let checkpoints = store.readState().checkpoints as Checkpoints;
    // A clock that went backwards would hide new writes behind the checkpoints: start over.
    if (Object.values(checkpoints).some((c) => c.lwt > rxNow() + 60_000)) {
      store.reset();
      checkpoints = {};
    }
    checkpoints = Object.fromEntries(Object.entries(checkpoints).map(([feed, c]) => [feed, notAhead(c)]));
    // A build from scratch (a new or restored database, a rebuild) merges the index once at the
    // end; so does one a crash or a quit stopped before its end, when the next pass finishes it.
    const resumed = store.bulkLoading();
    const building = Object.keys(checkpoints).length === 0 || resumed;
    let indexed = 0;
    // A build from empty checkpoints says how far it has read: live documents, counted once before
    // it starts, against the live ones it has read (the feeds hold deleted ones too). A resumed
    // build, or a pass while the merge after one runs (bulk load still on), says nothing.
    const reporting = Object.keys(checkpoints).length === 0;
    const total = reporting ? await sourceCount() : 0;
    let live = 0;
    if (reporting) state.next({ building: true, done: 0, total });
    while (!closed) {
      // Details first: a person's row is written when their contact comes, with every detail kept
      // by then, so a build writes each person once. A detail rewrites only people already indexed;
      // the others' contacts are still to come in the feed (or deleted).
      const details = await changedSince(db.details, checkpoints.details);
      const [contacts, interactions] =
        details.documents.length < BATCH
          ? await Promise.all([
              changedSince(db.contacts, checkpoints.contacts),
              changedSince(db.interactions, checkpoints.interactions),
            ])
          : [NOTHING, NOTHING];
      if (!contacts.documents.length && !details.documents.length && !interactions.documents.length) break;
      indexed += contacts.documents.length + details.documents.length + interactions.documents.length;
      for (const feed of [contacts, details, interactions]) live += feed.documents.filter((d) => !d._deleted).length;
      const touched = new Set(contacts.documents.map((c) => c.id));
      for (const d of details.documents) {
        for (const owner of [store.ownerOfDetail(d.id), d.contactId])
          if (owner !== undefined && store.hasPerson(owner)) touched.add(owner);
      }
      const contactsNow = await db.contacts.storageInstance.findDocumentsById([...touched], false);
      if (closed) return;
      const contactById = new Map(contactsNow.map((c) => [c.id, c as ContactDocument]));
      checkpoints = {
        contacts: contacts.checkpoint ?? checkpoints.contacts,
        details: details.checkpoint ?? checkpoints.details,
        interactions: interactions.checkpoint ?? checkpoints.interactions,
      };
      store.transaction(() => {
        store.setBulkLoad(building);
        for (const d of details.documents) {
          if (d._deleted) store.removeDetail(d.id);
          else store.putDetail(d.id, d.contactId, d.text);
        }
        for (const id of touched) {
          const contact = contactById.get(id);
          if (contact) store.putPerson(id, searchableFields(contact, store.detailsOf(id)));
          else store.removePerson(id);
        }
        for (const i of interactions.documents) {
          if (i._deleted) store.removeInteraction(i.id);
          else store.putInteraction(i.id, i.date, i.contactIds, { title: i.title ?? '', notes: i.notes ?? '' });
        }
      }, checkpoints);
      // Written meanwhile (a sync), a document is read that was not counted.
      if (reporting) state.next({ building: true, done: Math.min(live, total), total });
      await yieldToEventLoop();
    }
    if (reporting) state.next({ building: false, done: total, total });
    if (closed) return;
    // Searches are complete from here: merging runs after, between them.
    if (indexed >= MERGE_AFTER || resumed) mergeInBackground();
    else if (building) store.setBulkLoad(false);
  }

  /**
   * Merges the segments a build left, a step at a time between passes and searches. Bulk load
   * stays on until the last step, so a quit before it leaves the next start to finish the merge.
   */
  function mergeInBackground(): void {
    merging ??= (async () => {
      try {
        while (await after(async () => !closed && store.mergeStep(MERGE_PAGES))) await yieldToEventLoop();
      } catch (error) {
        // Bulk load stays on after a build, so the next pass (or start) merges again.
        if (!closed) console.error('[rapport] Merging the search index failed; searches still work:', error);
        mergeFailure = error;
      } finally {
        merging = undefined;
      }
    })();
  }

  /** One pass at a time; a pass asked for while one runs is queued once. */
  function flush(): Promise<void> {
    if (queued) return queued;
    const next = after(() => {
      queued = undefined;
      return pass();
    });
    queued = next;
    return next;
  }

  async function pass(): Promise<void> {
    behind = false;
    running = true;
    try {
      await catchUp();
    } catch (error) {
      behind = true;
      // Searches fail until the next pass: they say so, not that the index is being read.
      if (state.value.building) state.next({ ...state.value, building: false });
      if (!closed) console.error('[rapport] Updating the search index failed; the next search tries again:', error);
      throw error;
    } finally {
      running = false;
    }
  }

  /** Runs `work` once the pass running now (if any) is over. */
  function after<T>(work: () => Promise<T>): Promise<T> {
    const next = current.then(work);
    current = next.then(
      () => {},
      () => {},
    );
    return next;
  }

  /** Every source document a build from scratch reads. */
  async function sourceCount(): Promise<number> {
    const counts = await Promise.all([db.contacts, db.details, db.interactions].map((c) => c.count().exec()));
    return counts.reduce((a, b) => a + b, 0);
  }

  return {
    store,
    flush,
    state$: state.asObservable(),
    rebuild: () =>
      after(async () => {
        store.reset();
        await pass();
        return store.counts();
      }),
    merged: async () => {
      await current;
      await merging;
      const failure = mergeFailure;
      mergeFailure = undefined;
      if (failure) throw failure;
    },
    get behind() {
      return behind || running;
    },
    async close() {
      closed = true;
      live.unsubscribe();
      state.complete();
      clearTimeout(soon);
      await current;
      store.close();
    },
  };
}

/** A person's searchable text: their own fields, and the details the index keeps under them. */
function searchableFields(contact: ContactDocument, details: PersonFields['details']): PersonFields {
  return {
    name: contact.displayName,
    organisation: [contact.organisation, contact.role].filter(Boolean).join(' · '),
    notes: contact.notes ?? '',
    tags: contact.tags.join(' '),
    details,
  };
}

/** Source documents written after `checkpoint`, as they are now (deleted ones with `_deleted`). */
async function changedSince<T>(
  collection: RxCollection<T>,
  checkpoint: RxStorageDefaultCheckpoint | undefined,
): Promise<{ documents: Deletable<T>[]; checkpoint: RxStorageDefaultCheckpoint | undefined }> {
  const result = await getChangedDocumentsSince(collection.storageInstance, BATCH, checkpoint);
  return {
    documents: result.documents as Deletable<T>[],
    checkpoint: result.checkpoint as RxStorageDefaultCheckpoint | undefined,
  };
}

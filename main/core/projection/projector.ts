/**
 * Keeps the derived collections (`participations`, `people_index`, `follow_ups`, `meetings`) equal to what the source
 * collections imply, whoever wrote the source: a service, an import, a restore, another device.
 *
 * It reads the storage's change feed from a saved checkpoint, like a local replication: every
 * source document changed since then is looked up as it is *now* and its derived rows are
 * rewritten to match. That makes each pass idempotent and independent of the order of changes,
 * and a crash between a source write and its derived rows is caught up at the next start.
 */
import {
  getChangedDocumentsSince,
  getHeightOfRevision,
  now as rxNow,
  type RxCollection,
  type RxDocumentData,
  type RxStorageDefaultCheckpoint,
} from 'rxdb';
import { merge, type Subscription } from 'rxjs';
import { inArea } from '../area.ts';
import type { RapportDatabase } from '../db/database.ts';
import { CHUNK, yieldToEventLoop } from '../db/bulk.ts';
import { findAnyOf } from '../db/find-any-of.ts';
import type { ContactDocument } from '../people/schema.ts';
import type { InteractionDocument } from '../interactions/schema.ts';
import type { DetailDocument } from '../details/schema.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { notAhead, REPLAY_MS } from './checkpoints.ts';
import { rebuildDerived, reindexPeople, type RebuildProgress } from './rebuild.ts';
import { createSearchProjection, type SearchProjection } from './search-projection.ts';
import {
  dayOfSortKey,
  followUpOf,
  hasFollowUp,
  meetingRow,
  meetingsOf,
  participationId,
  participationsOf,
  personFacts,
  personIndexRow,
  PEOPLE_INDEX_VERSION,
  PROJECTION_VERSION,
  sameRow,
  type MeetingBase,
} from './derive.ts';
import type { MeetingDocument, ParticipationDocument } from './schema.ts';
import { createProjectionStateStore, type ProjectionState } from './state.ts';
import { storedDocuments } from '../db/stored.ts';

/** Source documents read per step of the change feed. */
const BATCH = 500;

export interface RebuildReport {
  /** Derived rows written or removed because they differed from a rebuild's result. */
  changed: number;
  participations: number;
  people: number;
  /** What the search index holds after it was emptied and read again (rebuilds by `rapport rebuild`). */
  search?: { people: number; interactions: number };
}

export interface Projector {
  /** Catches up with writes made while the core was closed, or rebuilds when the rules changed. */
  start(): Promise<void>;
  /** Resolves once every source write made before the call is reflected in derived data. */
  flush(): Promise<void>;
  /**
   * `flush` for answering a write that is already saved: a pass that fails is logged, not thrown.
   * The write stands, so reporting it as failed would invite a retry and a duplicate; the next
   * write or start repeats the pass from the same checkpoints.
   */
  settled(): Promise<void>;
  /** Recomputes every derived row, and the search index, from the source collections (`rapport rebuild`). */
  rebuild(): Promise<RebuildReport>;
  /** The search index in the database file, kept apart from the derived collections (search-projection.ts). */
  readonly search: SearchProjection;
  close(): Promise<void>;
}

export interface ProjectorOptions {
  /** Told how far a rebuild got (a seed or a first open of a big folder prints it). */
  onRebuildProgress?: RebuildProgress;
}

export function createProjector(
  db: RapportDatabase,
  settings: SettingsStore,
  options: ProjectorOptions = {},
): Projector {
  const search = createSearchProjection(db);
  let current: Promise<unknown> = Promise.resolve();
  let queued: Promise<void> | undefined;
  let live: Subscription | undefined;
  let closed = false;

  /** Runs `work` after whatever runs now, as the projection area; one pass at a time. */
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = current.then(() => inArea('projection', work));
    current = next.catch(() => {});
    return next;
  };
  const checkpoints = createProjectionStateStore(settings, exclusive, reportError);

  /** `known`: the state as just read (at start), so it is not read twice. */
  async function catchUp(known?: ProjectionState): Promise<void> {
    if (closed) return;
    const state = known ?? (await checkpoints.read());
    const touched = new Set<string>();
    const from = (c: RxStorageDefaultCheckpoint | undefined) => c && notAhead(c);
    let contactsFrom = from(state.checkpoints.contacts);
    let interactionsFrom = from(state.checkpoints.interactions);
    let detailsFrom = from(state.checkpoints.details);
    // The meeting rows of changed interactions, by interaction, until indexPeople adds their people's part.
    const meetings = new Map<string, MeetingBase[]>();
    // Participations no interaction wants any more (by id, to their person), removed only once
    // their people's rows are rewritten: removed first, a pass stopped in between would leave
    // nothing at the next start that names those people, and their rows would stay as they were.
    const stale = new Map<string, string>();
    for (;;) {
      const interactions = await changedSince(db.interactions, interactionsFrom);
      for (const id of await projectInteractions(interactions.documents, meetings, stale)) touched.add(id);
      const details = await changedSince(db.details, detailsFrom);
      for (const id of await projectDetails(details.documents)) touched.add(id);
      const contacts = await changedSince(db.contacts, contactsFrom);
      for (const doc of contacts.documents) touched.add(doc.id);
      if (!interactions.documents.length && !contacts.documents.length && !details.documents.length) break;
      interactionsFrom = interactions.checkpoint;
      contactsFrom = contacts.checkpoint;
      detailsFrom = details.checkpoint;
      await yieldToEventLoop();
    }
    if (!touched.size) return;
    await indexPeople([...touched], meetings, stale);
    const staleIds = [...stale.keys()];
    for (let i = 0; i < staleIds.length; i += CHUNK) await db.participations.bulkRemove(staleIds.slice(i, i + CHUNK));
    // Kept last, and written within seconds (state.ts): a crash before that repeats the pass, which
    // changes nothing twice.
    checkpoints.update({
      ...state,
      checkpoints: {
        ...(contactsFrom ? { contacts: contactsFrom } : {}),
        ...(interactionsFrom ? { interactions: interactionsFrom } : {}),
        ...(detailsFrom ? { details: detailsFrom } : {}),
      },
    });
  }

  /**
   * Removes the follow-up rows of changed details that no longer want one (by the detail's id, so
   * a row left under an earlier person goes too); returns the people whose rows indexPeople then
   * writes. A detail that moved is rewritten there under its new person: rows are keyed by detail.
   */
  async function projectDetails(changed: RxDocumentData<DetailDocument>[]): Promise<string[]> {
    if (!changed.length) return [];
    const stale = changed.filter((d) => !hasFollowUp(d)).map((d) => d.id);
    const stored = stale.length ? await db.follow_ups.storageInstance.findDocumentsById(stale, false) : [];
    if (stored.length) await db.follow_ups.bulkRemove(stored.map((row) => row.id));
    return [...new Set(changed.map((d) => d.contactId))];
  }

  /**
   * Writes the participations changed interactions want, notes in `stale` those they no longer
   * want, and removes their meeting rows that are no longer wanted; the wanted ones go to
   * `meetings` for indexPeople, which adds what they take from their person. Returns everyone
   * whose rows may change.
   */
  async function projectInteractions(
    changed: RxDocumentData<InteractionDocument>[],
    meetings: Map<string, MeetingBase[]>,
    stale: Map<string, string>,
  ): Promise<string[]> {
    if (!changed.length) return [];
    const existing = await storedParticipations(changed);
    const wanted = changed.flatMap((d) => participationsOf(d));
    const wantedById = new Map(wanted.map((row) => [row.id, row]));
    // An interaction changed again later in the pass may want back what it dropped before.
    for (const row of wanted) stale.delete(row.id);
    for (const row of existing) if (!wantedById.has(row.id)) stale.set(row.id, row.contactId);
    const have = new Map(existing.map((row) => [row.id, row]));
    const write = wanted.filter((row) => !have.has(row.id) || !sameRow(have.get(row.id)!, row));
    for (let i = 0; i < write.length; i += CHUNK) await db.participations.bulkUpsert(write.slice(i, i + CHUNK));
    for (const d of changed) meetings.set(d.id, meetingsOf(d));
    await removeStaleMeetings(changed, meetings);
    return [...new Set([...existing.map((row) => row.contactId), ...wanted.map((row) => row.contactId)])];
  }

  /**
   * Removes the meeting rows of changed interactions that `meetings` no longer wants. Found by
   * interaction, not through the participations, so a row is found whatever became of its
   * participation (a rebuild stopped between the two collections, say).
   */
  async function removeStaleMeetings(
    changed: RxDocumentData<InteractionDocument>[],
    meetings: ReadonlyMap<string, MeetingBase[]>,
  ): Promise<void> {
    // An interaction written once (revision 1) has no rows from before.
    const again = changed.filter((d) => getHeightOfRevision(d._rev) > 1 || d._deleted);
    const stored = await Promise.all(
      again.map((d) => storedDocuments(db.meetings.find({ selector: { interactionId: d.id } }))),
    );
    const stale = stored
      .flat()
      .filter((row) => !meetings.get(row.interactionId)?.some((base) => base.id === row.id))
      .map((row) => row.id);
    for (let i = 0; i < stale.length; i += CHUNK) await db.meetings.bulkRemove(stale.slice(i, i + CHUNK));
  }

  /**
   * The stored participations of these interactions. RxDB plans `$in` as a scan of the whole
   * index, which at a million rows made every step of a catch-up take seconds; so an interaction
   * written once (revision 1) is looked up by the ids its people give, and any other by an
   * index range of its own.
   */
  async function storedParticipations(changed: RxDocumentData<InteractionDocument>[]) {
    const written = (d: RxDocumentData<InteractionDocument>) => !d._deleted && getHeightOfRevision(d._rev) === 1;
    const once = changed.filter(written);
    const again = changed.filter((d) => !written(d));
    const byIds = await db.participations.storageInstance.findDocumentsById(
      once.flatMap((d) => [...new Set(d.contactIds)].map((contactId) => participationId(d.id, contactId))),
      false,
    );
    const ranges = await Promise.all(
      again.map((d) => storedDocuments(db.participations.find({ selector: { interactionId: d.id } }))),
    );
    return [...byIds, ...ranges.flat()].map((row) => row as ParticipationDocument);
  }

  /**
   * Rewrites the index rows of these people from their record and their newest participation,
   * and their follow-up and meeting rows from their open details, their meetings (as stored, or as
   * a changed interaction in `meetings` wants them) and that same day.
   */
  async function indexPeople(
    contactIds: string[],
    meetings: ReadonlyMap<string, MeetingBase[]>,
    stale: ReadonlyMap<string, string>,
  ): Promise<void> {
    const staleOf = new Map<string, Set<string>>();
    for (const [id, contactId] of stale) {
      const ids = staleOf.get(contactId);
      if (ids) ids.add(id);
      else staleOf.set(contactId, new Set([id]));
    }
    const changedMeetings = new Map<string, MeetingBase[]>();
    for (const bases of meetings.values())
      for (const base of bases) {
        const list = changedMeetings.get(base.contactId);
        if (list) list.push(base);
        else changedMeetings.set(base.contactId, [base]);
      }
    for (let i = 0; i < contactIds.length; i += CHUNK) {
      const ids = contactIds.slice(i, i + CHUNK);
      const [contacts, rows, details, followUps, storedMeetings] = await Promise.all([
        db.contacts.findByIds(ids).exec(),
        db.people_index.findByIds(ids).exec(),
        findAnyOf(db.details, 'contactId', ids),
        findAnyOf(db.follow_ups, 'contactId', ids),
        findAnyOf(db.meetings, 'contactId', ids),
      ]);
      const last = new Map<string, string>();
      for (const id of ids) last.set(id, await lastInteractionOf(id, staleOf.get(id)));
      const facts = (id: string) =>
        personFacts(contacts.get(id)?.toMutableJSON() as ContactDocument | undefined, last.get(id)!);
      const write = [];
      const remove = [];
      for (const id of ids) {
        const contact = contacts.get(id);
        if (!contact) {
          if (rows.has(id)) remove.push(id);
          continue;
        }
        const row = personIndexRow(contact.toMutableJSON() as ContactDocument, last.get(id)!);
        const stored = rows.get(id);
        if (!stored || !sameRow(stored.toMutableJSON(), row)) write.push(row);
      }
      if (remove.length) await db.people_index.bulkRemove(remove);
      if (write.length) await db.people_index.bulkUpsert(write);
      const wantedFollowUps = details.flatMap((d) => followUpOf(d.toMutableJSON(), facts(d.contactId)) ?? []);
      await syncRows(db.follow_ups, followUps, wantedFollowUps, true);
      const bases = new Map<string, MeetingBase>(storedMeetings.map((d) => [d.id, baseOf(d.toMutableJSON())]));
      for (const id of ids) for (const base of changedMeetings.get(id) ?? []) bases.set(base.id, base);
      const wantedMeetings = [...bases.values()].map((base) => meetingRow(base, facts(base.contactId)));
      // Stale meeting rows went in projectInteractions; every stored one is among the wanted.
      await syncRows(db.meetings, storedMeetings, wantedMeetings, false);
      await yieldToEventLoop();
    }
  }

  /** The day of the person's newest participation, passing over those `stale` says are going. */
  async function lastInteractionOf(contactId: string, stale: ReadonlySet<string> = new Set()): Promise<string> {
    // RxDB's planner never counts an index as satisfying a descending sort; name it (docs/storage.md).
    const newest = await db.participations
      .find({
        selector: { contactId },
        sort: [{ contactId: 'desc' }, { sortKey: 'desc' }, { id: 'desc' }],
        index: ['contactId', 'sortKey'],
        limit: stale.size + 1,
      })
      .exec();
    const row = newest.find((p) => !stale.has(p.id));
    return row ? dayOfSortKey(row.sortKey) : '';
  }

  async function rebuild(): Promise<RebuildReport> {
    // Changes from a few seconds before the rebuild started are replayed afterwards: a write in
    // flight while it read is then caught either way (replaying is harmless). Writes commit in the
    // same synchronous step that stamps them, so the margin only absorbs clock jitter; it is kept
    // short because everything in it is projected a second time (a seed's last people, say).
    const from = { id: '', lwt: rxNow() - REPLAY_MS };
    const report = await rebuildDerived(db, options.onRebuildProgress);
    // Written at once: a crash before it would mean the whole rebuild again.
    checkpoints.update({
      version: PROJECTION_VERSION,
      peopleIndex: PEOPLE_INDEX_VERSION,
      checkpoints: { contacts: from, interactions: from, details: from },
    });
    await checkpoints.save();
    await catchUp();
    return report;
  }

  const flush = (): Promise<void> => {
    if (queued) return queued;
    const pass = exclusive(async () => {
      queued = undefined;
      await catchUp();
    });
    queued = pass;
    return pass;
  };

  /** Runs a start-up rebuild and says how long it took, when it changed anything. */
  async function reported(what: string, work: () => Promise<{ changed: number }>): Promise<void> {
    const started = performance.now();
    const { changed } = await work();
    if (changed)
      console.info(`[rapport] ${what} (${changed} rows) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  }

  return {
    async start() {
      await exclusive(async () => {
        const state = await checkpoints.read();
        // A clock that went backwards would hide new writes behind the checkpoint: start over.
        const clockWentBack = Object.values(state.checkpoints).some((c) => c.lwt > rxNow() + 60_000);
        if (state.version !== PROJECTION_VERSION || clockWentBack) {
          await reported('Rebuilt derived data', rebuild);
        } else {
          let current = state;
          if (state.peopleIndex !== PEOPLE_INDEX_VERSION) {
            await reported('Re-derived the people index', () => reindexPeople(db));
            // After the rows: a start killed before this line re-derives them again.
            current = { ...state, peopleIndex: PEOPLE_INDEX_VERSION };
            checkpoints.update(current);
            await checkpoints.save();
          }
          await catchUp(current);
        }
      });
      live = merge(db.contacts.$, db.interactions.$, db.details.$).subscribe(() => void flush().catch(reportError));
    },
    flush,
    settled: () => flush().catch(reportError),
    rebuild: async () => {
      const derived = await exclusive(rebuild);
      const counts = await search.rebuild();
      // `rapport rebuild` waits for the merge a large build starts, and says if it failed.
      await search.merged().catch((error: unknown) => {
        throw new Error(
          `The derived data and the search index were rebuilt, but merging the index failed (${(error as Error).message}). ` +
            'Searches work meanwhile; with free disk space, Rapport merges it at its next start.',
          { cause: error },
        );
      });
      return { ...derived, search: counts };
    },
    search,
    async close() {
      closed = true;
      live?.unsubscribe();
      await current;
      checkpoints.close();
      // Queued after anything still running, a save the timer queued meanwhile included.
      await exclusive(checkpoints.save).catch(reportError);
      await search.close();
    },
  };
}

/** Makes these people's stored rows equal `wanted`; `exact` also removes the stored ones not wanted. */
async function syncRows<T extends { id: string }>(
  collection: RxCollection<T>,
  stored: readonly { toMutableJSON(): unknown }[],
  wanted: readonly T[],
  exact: boolean,
): Promise<void> {
  const have = new Map(stored.map((d) => d.toMutableJSON() as T).map((row) => [row.id, row]));
  const wantedIds = new Set(wanted.map((row) => row.id));
  const stale = exact ? [...have.keys()].filter((id) => !wantedIds.has(id)) : [];
  const changed = wanted.filter((row) => !have.has(row.id) || !sameRow(have.get(row.id)!, row));
  if (stale.length) await collection.bulkRemove(stale);
  if (changed.length) await collection.bulkUpsert(changed);
}

/** A stored meeting row without what it takes from its person. */
function baseOf({ waiting: _waiting, displayName: _name, ...base }: MeetingDocument): MeetingBase {
  return base;
}

const reportError = (error: unknown) => console.error('[rapport] Keeping derived data up to date failed:', error);

/** Source documents written after `checkpoint`, as they are now (deleted ones with `_deleted`). */
async function changedSince<T>(
  collection: RxCollection<T>,
  checkpoint: RxStorageDefaultCheckpoint | undefined,
): Promise<{ documents: RxDocumentData<T>[]; checkpoint: RxStorageDefaultCheckpoint }> {
  const result = await getChangedDocumentsSince(collection.storageInstance, BATCH, checkpoint);
  return { documents: result.documents, checkpoint: result.checkpoint as RxStorageDefaultCheckpoint };
}

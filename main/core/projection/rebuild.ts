/**
 * A rebuild of every derived row from scratch: compute what derived data must be (derive.ts) and
 * write only the differences. Used when the projection's rules change, after a seed or a bulk
 * load, by `rapport rebuild`, and by tests as the reference the live projector must equal.
 *
 * It streams, so a million interactions never sit in memory at once: interactions are read a
 * page at a time from the change feed's index, each page's participations are looked up by id and
 * only differences written; a last sweep removes stored participations no interaction wants any
 * more. What is held to the end is small beside them: each person's last day, and the meetings
 * (one in seven participations in the demo, ~139k at 1M interactions) until their people are
 * read. (RxDB plans an id-ordered page as a scan of a whole index here, so nothing pages by id.)
 * When no participation is stored yet (a seed, a first open) the lookups and the sweep are skipped.
 */
import {
  getChangedDocumentsSince,
  now as rxNow,
  type RxCollection,
  type RxDocumentData,
  type RxStorageInstance,
} from 'rxdb';
import type { RapportDatabase } from '../db/database.ts';
import { yieldToEventLoop } from '../db/bulk.ts';
import type { ContactDocument } from '../people/schema.ts';
import type { InteractionDocument } from '../interactions/schema.ts';
import type { DetailDocument } from '../details/schema.ts';
import {
  dayOfSortKey,
  deriveAll,
  followUpsOf,
  meetingRow,
  meetingsOf,
  participationsOf,
  personFacts,
  personIndexRow,
  sameRow,
  type MeetingBase,
} from './derive.ts';
import type { RebuildReport } from './projector.ts';
import type { FollowUpDocument, MeetingDocument, ParticipationDocument, PersonIndexDocument } from './schema.ts';

/** Source or derived rows read per step. */
const PAGE = 2000;
/** Derived rows per bulk write: one transaction each. */
const WRITE_CHUNK = 2000;

/** How far a rebuild got: `done` of `total` rows read in this phase. */
export type RebuildProgress = (phase: 'timelines' | 'checking', done: number, total: number) => void;

type Row = { id: string };

/** Every live row of a collection, a page at a time in change-feed order (an indexed read). */
async function* rowsOf<T>(
  storage: RxStorageInstance<T, unknown, unknown>,
  until = Infinity,
  page = PAGE,
): AsyncGenerator<RxDocumentData<T>[]> {
  let checkpoint: unknown;
  for (;;) {
    const result = await getChangedDocumentsSince(storage, page, checkpoint as never);
    const stop = result.documents.findIndex((d) => d._meta.lwt >= until);
    const documents = stop < 0 ? result.documents : result.documents.slice(0, stop);
    yield documents.filter((d) => !d._deleted);
    if (stop >= 0 || result.documents.length < page) return;
    checkpoint = result.checkpoint;
    await yieldToEventLoop();
  }
}

async function all<T>(collection: RxCollection<T>): Promise<RxDocumentData<T>[]> {
  const out: RxDocumentData<T>[] = [];
  for await (const page of rowsOf(collection.storageInstance as RxStorageInstance<T, unknown, unknown>))
    out.push(...page);
  return out;
}

/** What the derived collections must hold for the source data as it is now, in memory. Reads only; for tests. */
export async function expectedDerived(db: RapportDatabase) {
  const contacts = await all(db.contacts as unknown as RxCollection<ContactDocument>);
  const interactions = await all(db.interactions as unknown as RxCollection<InteractionDocument>);
  const details = await all(db.details as unknown as RxCollection<DetailDocument>);
  return deriveAll(contacts, interactions, details);
}

export async function rebuildDerived(
  db: RapportDatabase,
  onProgress: RebuildProgress = () => {},
  page = PAGE,
): Promise<RebuildReport> {
  const started = rxNow();
  const interactions = db.interactions.storageInstance as RxStorageInstance<InteractionDocument, unknown, unknown>;
  const participations = db.participations as unknown as RxCollection<ParticipationDocument>;
  const stored = await db.participations.count().exec();
  const total = await db.interactions.count().exec();
  const newest = new Map<string, string>();
  // Small, and about one participation in seven: held until the people are read.
  const meetingBases: MeetingBase[] = [];
  let changed = 0;
  let derived = 0;
  let done = 0;
  onProgress('timelines', 0, total);
  for await (const batch of rowsOf(interactions, Infinity, page)) {
    const wanted = new Map<string, ParticipationDocument>();
    for (const interaction of batch)
      for (const row of participationsOf(interaction)) {
        wanted.set(row.id, row);
        const day = dayOfSortKey(row.sortKey);
        if ((newest.get(row.contactId) ?? '') < day) newest.set(row.contactId, day);
      }
    for (const interaction of batch) meetingBases.push(...meetingsOf(interaction));
    const have = stored ? await participations.storageInstance.findDocumentsById([...wanted.keys()], false) : [];
    changed += await writeDifferences(participations, have, wanted, false);
    derived += wanted.size;
    onProgress('timelines', (done += batch.length), total);
  }
  if (stored) changed += await removeUnwanted(db, started, stored, onProgress);

  const contacts = await all(db.contacts as unknown as RxCollection<ContactDocument>);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const personOf = (id: string) => personFacts(byId.get(id), newest.get(id) ?? '');
  const details = await all(db.details as unknown as RxCollection<DetailDocument>);
  const followUps = db.follow_ups as unknown as RxCollection<FollowUpDocument>;
  changed += await writeDifferences(followUps, await all(followUps), followUpsOf(details, personOf), true);
  const wantedMeetings = new Map(meetingBases.map((base) => [base.id, meetingRow(base, personOf(base.contactId))]));
  const meetings = db.meetings as unknown as RxCollection<MeetingDocument>;
  changed += await writeDifferences(meetings, await all(meetings), wantedMeetings, true);

  const people = await writePeopleIndex(db, (id) => newest.get(id) ?? '', contacts);
  return { changed: changed + people.changed, participations: derived, people: people.rows };
}

/**
 * The people index derived again from the people and the last-contact days it holds already: for a
 * change of `personIndexRow` alone (`PEOPLE_INDEX_VERSION`), without reading every interaction.
 */
export async function reindexPeople(db: RapportDatabase): Promise<{ changed: number; rows: number }> {
  const index = db.people_index as unknown as RxCollection<PersonIndexDocument>;
  const stored = await all(index);
  const lastContact = new Map(stored.map((row) => [row.id, row.lastInteractionOn]));
  const contacts = await all(db.contacts as unknown as RxCollection<ContactDocument>);
  return writePeopleIndex(db, (id) => lastContact.get(id) ?? '', contacts, stored);
}

async function writePeopleIndex(
  db: RapportDatabase,
  lastInteractionOn: (id: string) => string,
  contacts: readonly ContactDocument[],
  stored?: PersonIndexDocument[],
) {
  const people = new Map(contacts.map((c) => [c.id, personIndexRow(c, lastInteractionOn(c.id))]));
  const index = db.people_index as unknown as RxCollection<PersonIndexDocument>;
  return { changed: await writeDifferences(index, stored ?? (await all(index)), people, true), rows: people.size };
}

/** Removes participations stored before the rebuild began that no live interaction has any more. */
async function removeUnwanted(db: RapportDatabase, before: number, total: number, onProgress: RebuildProgress) {
  const storage = db.participations.storageInstance as RxStorageInstance<ParticipationDocument, unknown, unknown>;
  const interactions = db.interactions.storageInstance;
  let removed = 0;
  let done = 0;
  for await (const rows of rowsOf(storage, before)) {
    const ids = [...new Set(rows.map((row) => row.interactionId))];
    const live = new Map((await interactions.findDocumentsById(ids, false)).map((d) => [d.id, d]));
    const stale = rows.filter((row) => {
      const interaction = live.get(row.interactionId);
      return !interaction || !participationsOf(interaction).some((p) => p.id === row.id);
    });
    if (stale.length) await db.participations.bulkRemove(stale.map((row) => row.id));
    removed += stale.length;
    onProgress('checking', (done += rows.length), total);
  }
  return removed;
}

/**
 * Makes the `stored` rows equal `wanted`: writes what is missing or differs and, when `exact`,
 * removes stored rows that are not wanted. Returns how many rows it wrote or removed.
 */
async function writeDifferences<T extends Row>(
  collection: RxCollection<T>,
  stored: readonly T[],
  wanted: ReadonlyMap<string, T>,
  exact: boolean,
): Promise<number> {
  const have = new Map(stored.map((row) => [row.id, row]));
  const stale = exact ? stored.filter((row) => !wanted.has(row.id)).map((row) => row.id) : [];
  const write = [...wanted.values()].filter((row) => {
    const old = have.get(row.id);
    return !old || !sameRow(old, row);
  });
  for (let i = 0; i < stale.length; i += WRITE_CHUNK) {
    await collection.bulkRemove(stale.slice(i, i + WRITE_CHUNK));
    await yieldToEventLoop();
  }
  for (let i = 0; i < write.length; i += WRITE_CHUNK) {
    const result = await collection.bulkUpsert(write.slice(i, i + WRITE_CHUNK));
    if (result.error.length) {
      const [first] = result.error;
      throw new Error(`Rebuilding ${collection.name} failed: ${first!.status} for ${first!.documentId}`);
    }
    await yieldToEventLoop();
  }
  return stale.length + write.length;
}

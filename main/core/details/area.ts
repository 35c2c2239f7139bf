/**
 * The details area: remembered things to ask about ("new puppy Biscuit"). It alone writes the
 * `details` collection.
 */
import { randomUUID } from 'node:crypto';
import { map, type Observable } from 'rxjs';
import { Detail as DetailSchema, type Detail, type DetailFields } from '../../../shared/domain/detail.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { asArea } from '../area.ts';
import { todayOf } from '../clock.ts';
import type { Area, CoreContext } from '../context.ts';
import { settledDocument, type SettleChoice } from '../sync/settle-set-aside.ts';
import type { DetailDocument } from './schema.ts';
import { findAnyOf } from '../db/find-any-of.ts';

export interface DetailsApi {
  add(fields: DetailFields): Promise<Detail>;
  /** Details learned in one interaction, written together. */
  addMany(fields: DetailFields[]): Promise<Detail[]>;
  /** Removes details by id (an unfinished operation's undo); ids already gone are skipped. */
  removeMany(ids: string[]): Promise<void>;
  /** Writes details back as they were (an unfinished operation's undo). */
  putMany(docs: DetailDocument[]): Promise<void>;
  /** Marks a detail resolved today (asked about, done). @throws AppError `not_found`. */
  resolve(id: string): Promise<Detail>;
  /** Brings a resolved detail back to open. */
  reopen(id: string): Promise<Detail>;
  update(id: string, fields: DetailFields): Promise<Detail>;
  /** Puts back (`use`) or forgets (`dismiss`) a value a sync merge set aside. */
  settleSetAside(id: string, conflictId: string, choice: SettleChoice): Promise<Detail>;
  /** Every detail of this person that holds values a sync merge set aside. */
  withSetAside(contactId: string): Promise<DetailDocument[]>;
  /** A person's open details, newest first. */
  watchOpen(contactId: string): Observable<Detail[]>;
  openFor(contactId: string): Promise<Detail[]>;
  /** Every detail of these people (open or not). */
  allFor(contactIds: string[]): Promise<Detail[]>;
  remove(ids: string[]): Promise<void>;
  /** Re-homes every detail of `fromId` on `toId` (merging two people). */
  moveToPerson(fromId: string, toId: string): Promise<void>;
}

type DetailsChannels =
  'details.add' | 'details.listOpen' | 'details.resolve' | 'details.reopen' | 'details.settleSetAside';

export function createDetailsArea(ctx: CoreContext): Area<DetailsChannels, never> & { api: DetailsApi } {
  const { db, clock } = ctx;
  const stamp = () => clock.now().toISOString();
  const find = async (id: string) => {
    const doc = await db.details.findOne(id).exec();
    if (!doc) throw new AppError('not_found', 'That detail no longer exists.');
    return doc;
  };
  const openQuery = (contactId: string) =>
    db.details.find({
      selector: { contactId, status: 'open' },
      sort: [{ contactId: 'desc' }, { learnedOn: 'desc' }, { id: 'desc' }],
      index: ['contactId', 'learnedOn'],
    });
  const setStatus = async (id: string, status: 'open' | 'resolved') => {
    const doc = await find(id);
    const next = await doc.incrementalModify((d) => {
      d.status = status;
      if (status === 'resolved') d.resolvedOn = todayOf(clock);
      else delete d.resolvedOn;
      d.updatedAt = stamp();
      return d;
    });
    return next.toMutableJSON() as Detail;
  };
  const assertPeople = async (ids: string[]) => {
    const found = await db.contacts.findByIds(ids).exec();
    if (ids.some((id) => !found.has(id))) throw new AppError('not_found', 'That person no longer exists.');
  };
  const assertInteractions = async (ids: string[]) => {
    const found = await db.interactions.findByIds(ids).exec();
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) {
      throw new AppError('invalid_input', 'That interaction no longer exists.', [
        { path: ['interactionId'], message: `Unknown interaction: ${missing.join(', ')}` },
      ]);
    }
  };

  /** Answers once the derived data follows the write (Today's follow-ups), as logging does. */
  const derived = async <T>(value: T): Promise<T> => {
    await ctx.projection.settled();
    return value;
  };

  const api: DetailsApi = asArea('details', {
    async add(fields: DetailFields) {
      const [detail] = await api.addMany([fields]);
      return detail!;
    },
    async addMany(list: DetailFields[]) {
      await assertPeople([...new Set(list.map((d) => d.contactId))]);
      await assertInteractions([...new Set(list.flatMap((d) => (d.interactionId ? [d.interactionId] : [])))]);
      const at = stamp();
      const details: Detail[] = list.map((fields) => ({ ...fields, id: randomUUID(), createdAt: at, updatedAt: at }));
      if (!details.length) return details;
      ctx.journal.expect({ createdDetails: details.map((d) => d.id) });
      await db.details.bulkInsert(details);
      return details;
    },
    async removeMany(ids: string[]) {
      if (ids.length) await db.details.bulkRemove(ids);
    },
    async putMany(docs: DetailDocument[]) {
      if (docs.length) await db.details.bulkUpsert(docs);
    },
    resolve: (id: string) => setStatus(id, 'resolved'),
    reopen: (id: string) => setStatus(id, 'open'),
    async update(id: string, fields: DetailFields) {
      const existing = await find(id);
      const detail: Detail = { ...fields, id, createdAt: existing.createdAt, updatedAt: stamp() };
      await db.details.upsert(detail);
      return detail;
    },
    async settleSetAside(id: string, conflictId: string, choice: SettleChoice) {
      const current = (await find(id)).toMutableJSON() as DetailDocument;
      const next = { ...settledDocument(current, conflictId, choice, DetailSchema), updatedAt: stamp() };
      await db.details.upsert(next);
      return next as Detail;
    },
    async withSetAside(contactId: string) {
      // A person has tens of details, not thousands; the index on contactId finds them.
      const docs = await db.details.find({ selector: { contactId }, index: ['contactId', 'learnedOn'] }).exec();
      return docs.map((d) => d.toMutableJSON() as DetailDocument).filter((d) => d.conflicts?.length);
    },
    watchOpen(contactId: string) {
      return openQuery(contactId).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON() as Detail)));
    },
    async openFor(contactId: string) {
      return (await openQuery(contactId).exec()).map((d) => d.toMutableJSON() as Detail);
    },
    async allFor(contactIds: string[]) {
      const docs = await findAnyOf(db.details, 'contactId', contactIds);
      return docs.map((d) => d.toMutableJSON() as Detail);
    },
    async remove(ids: string[]) {
      if (!ids.length) return;
      const before = [...(await db.details.findByIds(ids).exec()).values()].map((d) => d.toMutableJSON());
      ctx.journal.expect({ replacedDetails: before as DetailDocument[] });
      await db.details.bulkRemove(ids);
    },
    async moveToPerson(fromId: string, toId: string) {
      const before = (await db.details.find({ selector: { contactId: fromId } }).exec()).map(
        (d) => d.toMutableJSON() as DetailDocument,
      );
      if (!before.length) return;
      const at = stamp();
      ctx.journal.expect({ replacedDetails: before });
      await db.details.bulkUpsert(before.map((d) => ({ ...d, contactId: toId, updatedAt: at })));
    },
  });
  ctx.trash.registerRestorer('details', async (docs) => {
    await db.details.bulkUpsert(docs as DetailDocument[]);
  });

  return {
    api,
    requests: {
      'details.add': async (input) => derived(await api.add(input)),
      'details.listOpen': async ({ contactIds }) => (await Promise.all(contactIds.map((id) => api.openFor(id)))).flat(),
      'details.resolve': async ({ id }) => derived(await api.resolve(id)),
      'details.reopen': async ({ id }) => derived(await api.reopen(id)),
      'details.settleSetAside': async ({ id, conflictId, choice }) =>
        derived(await api.settleSetAside(id, conflictId, choice)),
    },
    subscriptions: {},
  };
}

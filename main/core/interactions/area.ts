/**
 * The interactions area: every coffee, call and conference. It alone writes `interactions`; each
 * person's timeline (`participations`) and last-contact day follow through the projector.
 */
import { randomUUID } from 'node:crypto';
import type { DetailFields } from '../../../shared/domain/detail.ts';
import { Interaction, type InteractionFields } from '../../../shared/domain/interaction.ts';
import type { z } from 'zod';
import type { LogInteractionInput } from '../../../shared/ipc/contract.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { asArea } from '../area.ts';
import type { Area, CoreContext } from '../context.ts';
import { CHUNK, yieldToEventLoop } from '../db/bulk.ts';
import { settledDocument, type SettleChoice } from '../sync/settle-set-aside.ts';
import { toInteraction, type InteractionDocument } from './schema.ts';
import { interactionSortKey } from './sort-key.ts';
import { createTimelineService } from './timeline-service.ts';
import { findAnyOf } from '../db/find-any-of.ts';
import { undoLog } from './undo-log.ts';

/** What `interactions.log` receives, after the contract's defaults are applied. */
export type LogInput = z.output<typeof LogInteractionInput>;

export interface InteractionsApi {
  /** Logs an interaction, adding new people and the details learned in the same step. */
  log(input: LogInput): Promise<Interaction>;
  /** @throws AppError `not_found`. */
  update(id: string, fields: InteractionFields): Promise<Interaction>;
  /** Puts back (`use`) or forgets (`dismiss`) a value a sync merge set aside. */
  settleSetAside(id: string, conflictId: string, choice: SettleChoice): Promise<Interaction>;
  /** Removes one interaction; the token undoes it. */
  remove(id: string): Promise<{ undoToken: string }>;
  /** Every interaction with any of these people (read through their timelines). */
  withPeople(contactIds: string[]): Promise<InteractionDocument[]>;
  /**
   * Takes these people out of their interactions: ones only with them are removed, shared ones
   * stay for the others. The caller keeps copies in the trash first.
   */
  detachPeople(contactIds: string[]): Promise<void>;
  /** Moves every interaction of `fromId` to `toId` (merging two people). */
  movePerson(fromId: string, toId: string): Promise<void>;
  /** Writes new interactions in chunks (an import); `signal` is checked between chunks. */
  insertMany(docs: InteractionDocument[], signal: AbortSignal, onChunk?: (written: number) => void): Promise<void>;
  /** Removes interactions by id (rolling back an import). */
  removeMany(ids: string[]): Promise<void>;
  /** Writes interactions back as they were (an unfinished operation's undo). */
  putMany(docs: InteractionDocument[]): Promise<void>;
}

type InteractionChannels =
  | 'interactions.log'
  | 'interactions.update'
  | 'interactions.settleSetAside'
  | 'interactions.delete'
  | 'interactions.undoLog'
  | 'timeline.page'
  | 'timeline.position';

export function createInteractionsArea(
  ctx: CoreContext,
): Area<InteractionChannels, 'timeline.watch'> & { api: InteractionsApi } {
  const { db, clock, projection } = ctx;
  const stamp = () => clock.now().toISOString();
  const timeline = createTimelineService(db);

  async function assertPeopleExist(ids: string[]) {
    const found = await db.contacts.findByIds(ids).exec();
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) {
      throw new AppError('invalid_input', 'Some of those people no longer exist.', [
        { path: ['interaction', 'contactIds'], message: `Unknown person: ${missing.join(', ')}` },
      ]);
    }
  }
  const document = (fields: InteractionFields, id: string, createdAt: string): InteractionDocument => ({
    ...fields,
    id,
    sortKey: interactionSortKey(fields.date, fields.time, id),
    createdAt,
    updatedAt: stamp(),
  });

  async function logNow({ interaction, newPeople, details }: LogInput): Promise<Interaction> {
    await assertPeopleExist(interaction.contactIds);
    const created = [];
    // People added while logging start with the default rhythm, so they show up on Today.
    for (const displayName of newPeople)
      created.push(await ctx.areas.people.create({ displayName }, { defaultRhythm: true }));
    const contactIds = [...new Set([...interaction.contactIds, ...created.map((c) => c.id)])];
    if (!contactIds.length) {
      throw new AppError('invalid_input', 'Choose at least one person.', [
        { path: ['interaction', 'contactIds'], message: 'Choose at least one person' },
      ]);
    }
    const doc = document({ ...interaction, contactIds }, randomUUID(), stamp());
    ctx.journal.expect({ createdInteractions: [doc.id] });
    await db.interactions.insert(doc);
    await ctx.areas.details.addMany(
      details.map((d): DetailFields => ({
        contactId: d.contactId && contactIds.includes(d.contactId) ? d.contactId : contactIds[0]!,
        text: d.text,
        sensitivity: d.sensitivity,
        status: 'open',
        learnedOn: interaction.date,
        interactionId: doc.id,
        ...(d.followUpOn ? { followUpOn: d.followUpOn } : {}),
      })),
    );
    await projection.settled();
    return toInteraction(doc);
  }

  const api: InteractionsApi = asArea('interactions', {
    async log(input: LogInput) {
      // New people and details make it several writes: all or nothing, even if the app dies between them.
      if (!input.newPeople.length && !input.details.length) return logNow(input);
      return ctx.journal.operation('logging an interaction', () => logNow(input));
    },

    async update(id: string, fields: InteractionFields) {
      const existing = await db.interactions.findOne(id).exec();
      if (!existing) throw new AppError('not_found', 'That interaction no longer exists.');
      await assertPeopleExist(fields.contactIds);
      const doc = document(fields, id, existing.createdAt);
      await db.interactions.upsert(doc);
      await projection.settled();
      return toInteraction(doc);
    },

    async settleSetAside(id: string, conflictId: string, choice: SettleChoice) {
      const existing = await db.interactions.findOne(id).exec();
      if (!existing) throw new AppError('not_found', 'That interaction no longer exists.');
      const settled = settledDocument(existing.toMutableJSON() as InteractionDocument, conflictId, choice, Interaction);
      // The date or time may be the value put back, and the sort key follows them.
      const doc = { ...settled, sortKey: interactionSortKey(settled.date, settled.time, id), updatedAt: stamp() };
      await db.interactions.upsert(doc);
      await projection.settled();
      return toInteraction(doc);
    },

    async remove(id: string) {
      const existing = await db.interactions.findOne(id).exec();
      if (!existing) throw new AppError('not_found', 'That interaction no longer exists.');
      const doc = existing.toMutableJSON() as InteractionDocument;
      const undoToken = await ctx.trash.discard(
        `Deleted a ${doc.type} on ${doc.date}`,
        { interactions: [doc] },
        async () => {
          await existing.remove();
          await projection.settled();
        },
      );
      return { undoToken };
    },

    async withPeople(contactIds: string[]) {
      const links = await findAnyOf(db.participations, 'contactId', contactIds);
      const docs = await db.interactions.findByIds([...new Set(links.map((l) => l.interactionId))]).exec();
      return [...docs.values()].map((d) => d.toMutableJSON() as InteractionDocument);
    },

    async detachPeople(contactIds: string[]) {
      const gone = new Set(contactIds);
      const affected = await api.withPeople(contactIds);
      const solo = affected.filter((i) => i.contactIds.every((c) => gone.has(c))).map((i) => i.id);
      const survivors = affected
        .filter((i) => !i.contactIds.every((c) => gone.has(c)))
        .map((i) => ({ ...i, contactIds: i.contactIds.filter((c) => !gone.has(c)), updatedAt: stamp() }));
      ctx.journal.expect({ replacedInteractions: affected });
      if (solo.length) await db.interactions.bulkRemove(solo);
      if (survivors.length) await db.interactions.bulkUpsert(survivors);
      await projection.settled();
    },

    async movePerson(fromId: string, toId: string) {
      const before = await api.withPeople([fromId]);
      const moved = before.map((i) => ({
        ...i,
        contactIds: [...new Set(i.contactIds.map((id) => (id === fromId ? toId : id)))],
        updatedAt: stamp(),
      }));
      if (moved.length) {
        ctx.journal.expect({ replacedInteractions: before });
        await db.interactions.bulkUpsert(moved);
      }
      await projection.settled();
    },

    async insertMany(docs: InteractionDocument[], signal: AbortSignal, onChunk?: (written: number) => void) {
      for (let i = 0; i < docs.length; i += CHUNK) {
        signal.throwIfAborted();
        const chunk = docs.slice(i, i + CHUNK);
        const result = await db.interactions.bulkInsert(chunk);
        if (result.error.length) throw new Error(`Writing interactions failed (${result.error[0]!.status})`);
        onChunk?.(chunk.length);
        await yieldToEventLoop();
      }
    },

    async removeMany(ids: string[]) {
      for (let i = 0; i < ids.length; i += CHUNK) await db.interactions.bulkRemove(ids.slice(i, i + CHUNK));
    },

    async putMany(docs: InteractionDocument[]) {
      for (let i = 0; i < docs.length; i += CHUNK) await db.interactions.bulkUpsert(docs.slice(i, i + CHUNK));
    },
  });
  ctx.trash.registerRestorer('interactions', async (docs) => {
    await db.interactions.bulkUpsert(docs as InteractionDocument[]);
    await projection.settled();
  });

  return {
    api,
    requests: {
      'interactions.log': (input) => api.log(input),
      'interactions.update': ({ id, fields }) => api.update(id, fields),
      'interactions.settleSetAside': ({ id, conflictId, choice }) => api.settleSetAside(id, conflictId, choice),
      'interactions.delete': ({ id }) => api.remove(id),
      'interactions.undoLog': ({ id, newPeople }) => undoLog(ctx, id, newPeople),
      'timeline.page': ({ filter, offset, limit }) => timeline.page(filter, offset, limit),
      'timeline.position': async ({ filter, id }) => ({ index: await timeline.position(filter, id) }),
    },
    subscriptions: {
      'timeline.watch': ({ filter }) => timeline.watchTotal(filter),
    },
  };
}

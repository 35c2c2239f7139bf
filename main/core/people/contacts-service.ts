import { randomUUID } from 'node:crypto';
import type { Contact, ContactDraft, ContactFields, Tier } from '../../../shared/domain/contact.ts';
import { Contact as ContactSchema, ContactFields as ContactFieldsSchema } from '../../../shared/domain/contact.ts';
import { newRoutes } from '../../../shared/domain/duplicates/match.ts';
import { settledDocument } from '../sync/settle-set-aside.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import type { CoreContext } from '../context.ts';
import { CHUNK, yieldToEventLoop } from '../db/bulk.ts';
import { KEEP_IN_TOUCH } from '../settings/keep-in-touch.ts';
import type { ContactDocument } from './schema.ts';

/** The rhythm new people start with when they name none (Settings → default rhythm); none unless set. */
export const defaultTier = async (ctx: CoreContext): Promise<Tier | undefined> =>
  (await ctx.settings.read(KEEP_IN_TOUCH)).defaultTier;

export interface ContactsService {
  /** Uses or dismisses one value a sync merge set aside on this person. */
  settleSetAside(id: string, conflictId: string, choice: 'use' | 'dismiss'): Promise<ContactDocument>;
  /**
   * Adds a person; the draft gets the domain defaults (no emails, not archived, …). With
   * `defaultRhythm`, someone without a tier or rhythm of their own gets the default tier from Settings.
   */
  create(fields: ContactDraft, options?: { defaultRhythm?: boolean }): Promise<Contact>;
  /** @throws AppError `not_found` for an unknown id. */
  get(id: string): Promise<Contact>;
  /** Adds the emails, phones and profiles this person does not have yet. @throws AppError `not_found`. */
  addRoutes(id: string, routes: Pick<Contact, 'emails' | 'phones' | 'social'>): Promise<Contact>;
  /** Replaces the editable fields of one person. @throws AppError `not_found`. */
  update(id: string, fields: ContactFields): Promise<Contact>;
  /** One rhythm (or none) for many people; the token undoes it. */
  setTier(ids: string[], tier: Tier | null): Promise<{ changed: number; undoToken: string }>;
  setArchived(ids: string[], archived: boolean): Promise<number>;
  /** Adds and removes tags on many people at once; returns how many changed. */
  retag(ids: string[], add: string[], remove: string[]): Promise<number>;
  /** Removes people with their details and solo interactions; returns the undo token. */
  remove(ids: string[]): Promise<{ undoToken: string; removed: number }>;
  /** Writes many people at once (an import): new ones and replaced ones, in chunks. */
  putMany(docs: ContactDocument[], signal: AbortSignal, onChunk?: (written: number) => void): Promise<void>;
  /** Removes people by id without the trash (rolling back an import). */
  removeMany(ids: string[]): Promise<void>;
}

/** Deleting at least this many people at once takes a safety copy of the database first. */
export const SAFETY_COPY_DELETING = 10;

export function createContactsService(ctx: CoreContext): ContactsService {
  const { db, clock, projection } = ctx;
  const now = () => clock.now().toISOString();
  const findExisting = async (id: string) => {
    const doc = await db.contacts.findOne(id).exec();
    if (!doc) throw new AppError('not_found', 'That person no longer exists.');
    return doc;
  };
  /** Archive or retag many people: one write each, so one operation, all or nothing. */
  const changeMany = async (ids: string[], change: (person: ContactDocument) => ContactDocument | undefined) => {
    const before = [...(await db.contacts.findByIds(ids).exec()).values()].map(
      (d) => d.toMutableJSON() as ContactDocument,
    );
    const changed = before.flatMap((person) => change(structuredClone(person)) ?? []);
    if (!changed.length) return 0;
    const replaced = new Set(changed.map((c) => c.id));
    await ctx.journal.operation(`changing ${changed.length} people`, async () => {
      ctx.journal.expect({ replacedPeople: before.filter((p) => replaced.has(p.id)) });
      await db.contacts.bulkUpsert(changed.map((c) => ({ ...c, updatedAt: now() })));
      await projection.settled();
    });
    return changed.length;
  };

  const service: ContactsService = {
    async create(draft, options = {}) {
      const stamp = now();
      const fields = ContactFieldsSchema.parse(draft);
      const tier = options.defaultRhythm && !fields.tier && !fields.cadence ? await defaultTier(ctx) : undefined;
      const doc: ContactDocument = {
        ...fields,
        ...(tier ? { tier } : {}),
        id: randomUUID(),
        createdAt: stamp,
        updatedAt: stamp,
      };
      ctx.journal.expect({ createdPeople: [doc.id] });
      await db.contacts.insert(doc);
      await projection.settled();
      return doc;
    },

    async get(id) {
      return (await findExisting(id)).toMutableJSON() as ContactDocument;
    },

    async addRoutes(id, routes) {
      const current = (await findExisting(id)).toMutableJSON() as ContactDocument;
      const added = newRoutes(current, routes);
      if (!added.emails.length && !added.phones.length && !added.social.length) return current;
      const next: ContactDocument = {
        ...current,
        emails: [...current.emails, ...added.emails],
        phones: [...current.phones, ...added.phones],
        social: [...current.social, ...added.social],
        updatedAt: now(),
      };
      ctx.journal.expect({ replacedPeople: [current] });
      await db.contacts.upsert(next);
      await projection.settled();
      return next;
    },

    async update(id, fields) {
      const current = (await findExisting(id)).toMutableJSON() as ContactDocument;
      // Relationships are not form fields: they are kept as they are (relationships-service.ts).
      const { relationships } = current;
      const next: ContactDocument = {
        ...fields,
        ...(relationships ? { relationships } : {}),
        id,
        createdAt: current.createdAt,
        updatedAt: now(),
      };
      ctx.journal.expect({ replacedPeople: [current] });
      await db.contacts.upsert(next);
      await projection.settled();
      return next;
    },

    async settleSetAside(id, conflictId, choice) {
      const current = (await findExisting(id)).toMutableJSON() as ContactDocument;
      const next: ContactDocument = {
        ...settledDocument(current, conflictId, choice, ContactSchema),
        updatedAt: now(),
      };
      await db.contacts.upsert(next);
      await projection.settled();
      return next;
    },

    async setTier(ids, tier) {
      const docs = [...(await db.contacts.findByIds(ids).exec()).values()].map(
        (d) => d.toMutableJSON() as ContactDocument,
      );
      // Their own rhythm goes too, so the chosen tier is what applies.
      const changed = docs.filter((p) => (p.tier ?? null) !== tier || p.cadence);
      const label =
        changed.length === 1
          ? `Set the rhythm of ${changed[0]!.displayName}`
          : `Set the rhythm of ${changed.length} people`;
      // The records as they were, so Undo puts every previous rhythm back; the copy and the change
      // are all or nothing.
      const undoToken = await ctx.journal.operation(label, async () => {
        const token = await ctx.trash.keep(label, { contacts: changed });
        const at = now();
        ctx.journal.expect({ replacedPeople: changed });
        await db.contacts.bulkUpsert(
          changed.map(({ tier: _tier, cadence: _cadence, ...person }) => ({
            ...person,
            ...(tier ? { tier } : {}),
            updatedAt: at,
          })),
        );
        await projection.settled();
        return token;
      });
      return { changed: changed.length, undoToken };
    },

    setArchived: (ids, archived) =>
      changeMany(ids, (person) => (person.archived === archived ? undefined : { ...person, archived })),

    retag: (ids, add, remove) =>
      changeMany(ids, (person) => {
        const tags = [...new Set([...person.tags.filter((t) => !remove.includes(t)), ...add])];
        return tags.join('\u0000') === person.tags.join('\u0000') ? undefined : { ...person, tags };
      }),

    async remove(ids) {
      const people = [...(await db.contacts.findByIds(ids).exec()).values()].map(
        (d) => d.toMutableJSON() as ContactDocument,
      );
      if (!people.length) throw new AppError('not_found', 'Those people no longer exist.');
      const gone = people.map((p) => p.id);
      if (gone.length >= SAFETY_COPY_DELETING) await ctx.safetyCopy(`Before deleting ${gone.length} people`);
      const interactions = await ctx.areas.interactions.withPeople(gone);
      const details = await ctx.areas.details.allFor(gone);
      const label = people.length === 1 ? `Deleted ${people[0]!.displayName}` : `Deleted ${people.length} people`;
      // Copies first, then each area's writes: all or nothing, even if the app dies between them.
      const undoToken = await ctx.trash.discard(label, { contacts: people, interactions, details }, async () => {
        await ctx.areas.interactions.detachPeople(gone);
        await ctx.areas.details.remove(details.map((d) => d.id));
        ctx.journal.expect({ replacedPeople: people });
        await db.contacts.bulkRemove(gone);
        await projection.settled();
      });
      return { undoToken, removed: people.length };
    },

    async putMany(docs, signal, onChunk) {
      for (let i = 0; i < docs.length; i += CHUNK) {
        signal.throwIfAborted();
        const chunk = docs.slice(i, i + CHUNK);
        const result = await db.contacts.bulkUpsert(chunk);
        if (result.error.length) throw new Error(`Writing people failed (${result.error[0]!.status})`);
        onChunk?.(chunk.length);
        await yieldToEventLoop();
      }
    },

    async removeMany(ids) {
      for (let i = 0; i < ids.length; i += CHUNK) await db.contacts.bulkRemove(ids.slice(i, i + CHUNK));
    },
  };
  return service;
}

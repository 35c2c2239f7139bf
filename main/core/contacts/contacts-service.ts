import { randomUUID } from 'node:crypto';
import { combineLatest, map, type Observable } from 'rxjs';
import type { Contact, ContactFields, Tier } from '../../../shared/domain/contact.ts';
import { effectiveCadence, keepInTouchStatus } from '../../../shared/domain/keep-in-touch/status.ts';
import type { PersonListItem } from '../../../shared/domain/views.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { today$, type Clock } from '../clock.ts';
import type { ContactDocument } from '../db/contacts-schema.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import type { TrashService } from '../trash/trash-service.ts';

export interface ContactsService {
  /** With `defaultRhythm`, someone without a tier or cadence gets the default tier from Settings. */
  create(fields: ContactFields, options?: { defaultRhythm?: boolean }): Promise<Contact>;
  /** @throws AppError `not_found` for an unknown id. */
  get(id: string): Promise<Contact>;
  /** Replaces the editable fields of one person. @throws AppError `not_found`. */
  update(id: string, fields: ContactFields): Promise<Contact>;
  setArchived(ids: string[], archived: boolean): Promise<number>;
  /**
   * Gives many people one rhythm (or none), dropping their own cadence so the tier applies.
   * The undo token puts everyone's previous rhythm back.
   */
  setTier(ids: string[], tier: Tier | null): Promise<{ changed: number; undoToken: string }>;
  /** Adds and removes tags on many people at once; returns how many changed. */
  retag(ids: string[], add: string[], remove: string[]): Promise<number>;
  /** Removes people with their details and solo interactions; returns the undo token. */
  remove(ids: string[]): Promise<{ undoToken: string; removed: number }>;
  /** People sorted by name with their keep-in-touch status, re-emitted on every change. */
  watchList(options: { includeArchived: boolean }): Observable<PersonListItem[]>;
}

export const toContact = (doc: ContactDocument): Contact => {
  const { sortName: _sortName, lastInteractionOn: _last, ...contact } = doc;
  return contact;
};

export function createContactsService(
  db: RapportDatabase,
  clock: Clock,
  settings: SettingsService,
  trash: TrashService,
  newId: () => string = randomUUID,
): ContactsService {
  const contacts = db.contacts;
  const findExisting = async (id: string) => {
    const doc = await contacts.findOne(id).exec();
    if (!doc) throw new AppError('not_found', 'That person no longer exists.');
    return doc;
  };
  const now = () => clock.now().toISOString();

  return {
    async create(fields, options = {}) {
      const stamp = now();
      const defaultTier =
        options.defaultRhythm && !fields.tier && !fields.cadence
          ? (await settings.keepInTouch()).defaultTier
          : undefined;
      const doc: ContactDocument = {
        ...fields,
        ...(defaultTier ? { tier: defaultTier } : {}),
        id: newId(),
        sortName: fields.displayName.toLocaleLowerCase(),
        createdAt: stamp,
        updatedAt: stamp,
      };
      await contacts.insert(doc);
      return toContact(doc);
    },

    async get(id) {
      return toContact((await findExisting(id)).toMutableJSON() as ContactDocument);
    },

    async update(id, fields) {
      const doc = await findExisting(id);
      const current = doc.toMutableJSON() as ContactDocument;
      const next: ContactDocument = {
        ...fields,
        id,
        sortName: fields.displayName.toLocaleLowerCase(),
        createdAt: current.createdAt,
        updatedAt: now(),
        ...(current.lastInteractionOn ? { lastInteractionOn: current.lastInteractionOn } : {}),
      };
      await contacts.upsert(next);
      return toContact(next);
    },

    async setArchived(ids, archived) {
      const docs = await contacts.findByIds(ids).exec();
      const changed = [...docs.values()]
        .filter((d) => d.archived !== archived)
        .map((d) => ({ ...(d.toMutableJSON() as ContactDocument), archived, updatedAt: now() }));
      await contacts.bulkUpsert(changed);
      return changed.length;
    },

    async setTier(ids, tier) {
      const docs = [...(await contacts.findByIds(ids).exec()).values()].map(
        (d) => d.toMutableJSON() as ContactDocument,
      );
      const changed = docs.filter((d) => (d.tier ?? null) !== tier || d.cadence);
      const undoToken = await trash.keep(`Set the rhythm of ${changed.length} people`, { contacts: changed });
      await contacts.bulkUpsert(
        changed.map(({ tier: _tier, cadence: _cadence, ...rest }) => ({
          ...rest,
          ...(tier ? { tier } : {}),
          updatedAt: now(),
        })),
      );
      return { changed: changed.length, undoToken };
    },

    async retag(ids, add, remove) {
      const docs = await contacts.findByIds(ids).exec();
      const changed: ContactDocument[] = [];
      for (const doc of docs.values()) {
        const current = doc.toMutableJSON() as ContactDocument;
        const tags = [...new Set([...current.tags.filter((t) => !remove.includes(t)), ...add])];
        if (tags.join('\u0000') !== current.tags.join('\u0000')) changed.push({ ...current, tags, updatedAt: now() });
      }
      await contacts.bulkUpsert(changed);
      return changed.length;
    },

    async remove(ids) {
      const people = [...(await contacts.findByIds(ids).exec()).values()].map(
        (d) => d.toMutableJSON() as ContactDocument,
      );
      if (!people.length) throw new AppError('not_found', 'Those people no longer exist.');
      const links = await db.participations.find({ selector: { contactId: { $in: ids } } }).exec();
      const interactionIds = [...new Set(links.map((l) => l.interactionId))];
      const interactions = [...(await db.interactions.findByIds(interactionIds).exec()).values()].map((d) =>
        d.toMutableJSON(),
      );
      // Group interactions stay for the others, without this person; solo ones go with them.
      const solo = interactions.filter((i) => i.contactIds.every((c) => ids.includes(c)));
      const shared = interactions.filter((i) => !solo.includes(i));
      const details = (await db.details.find({ selector: { contactId: { $in: ids } } }).exec()).map((d) =>
        d.toMutableJSON(),
      );
      const removedLinks = links.map((l) => l.toMutableJSON());
      const label = people.length === 1 ? `Deleted ${people[0]!.displayName}` : `Deleted ${people.length} people`;
      const undoToken = await trash.discard(label, {
        contacts: people,
        interactions: [...solo, ...shared],
        participations: removedLinks,
        details,
      });
      // Re-add shared interactions without the deleted people (the trash keeps the originals).
      const survivors = shared.map((i) => ({
        ...i,
        contactIds: i.contactIds.filter((c) => !ids.includes(c)),
        updatedAt: now(),
      }));
      await db.interactions.bulkUpsert(survivors);
      return { undoToken, removed: people.length };
    },

    watchList({ includeArchived }) {
      const query = contacts.find({
        selector: includeArchived ? {} : { archived: false },
        sort: [{ sortName: 'asc' }, { id: 'asc' }],
      });
      return combineLatest([query.$, settings.watchKeepInTouch(), today$(clock)]).pipe(
        map(([docs, keep, today]) =>
          docs.map((d) => ({
            id: d.id,
            displayName: d.displayName,
            organisation: d.organisation,
            role: d.role,
            tags: d.tags,
            archived: d.archived,
            tier: d.tier,
            lastInteractionOn: d.lastInteractionOn,
            status: keepInTouchStatus({
              cadence: effectiveCadence(d, keep.tiers),
              lastInteractionOn: d.lastInteractionOn,
              addedOn: d.createdAt.slice(0, 10),
              today,
            }),
          })),
        ),
      );
    },
  };
}

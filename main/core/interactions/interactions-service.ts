import { randomUUID } from 'node:crypto';
import type { DetailFields } from '../../../shared/domain/detail.ts';
import type { Interaction, InteractionFields } from '../../../shared/domain/interaction.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import type { Clock } from '../clock.ts';
import type { ContactsService } from '../contacts/contacts-service.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { InteractionDocument } from '../db/interactions-schema.ts';
import type { TrashService } from '../trash/trash-service.ts';
import { interactionSortKey } from './sort-key.ts';

export interface LogInput {
  interaction: Omit<InteractionFields, 'contactIds'> & { contactIds: string[] };
  /** People to create in the same step, by name ("adds a person in one step"). */
  newPeople: string[];
  /** Details learned in this interaction; `contactId` defaults to the first person. */
  details: Array<
    Pick<DetailFields, 'text' | 'sensitivity'> & { followUpOn?: string | undefined; contactId?: string | undefined }
  >;
}

export interface InteractionsService {
  log(input: LogInput): Promise<Interaction>;
  /** @throws AppError `not_found`. */
  update(id: string, fields: InteractionFields): Promise<Interaction>;
  remove(id: string): Promise<{ undoToken: string }>;
  /** Recomputes `lastInteractionOn` after interactions came back from the trash. */
  refreshLastInteraction(contactIds: string[]): Promise<void>;
}

export const toInteraction = (doc: InteractionDocument): Interaction => {
  const { sortKey: _sortKey, ...interaction } = doc;
  return interaction;
};

export function createInteractionsService(
  db: RapportDatabase,
  clock: Clock,
  contacts: ContactsService,
  trash: TrashService,
  newId: () => string = randomUUID,
): InteractionsService {
  const now = () => clock.now().toISOString();

  /** Keeps each person's `lastInteractionOn` equal to their newest interaction's day. */
  async function refreshLastInteraction(contactIds: string[]) {
    for (const contactId of new Set(contactIds)) {
      const newest = await db.participations
        .findOne({
          selector: { contactId },
          sort: [{ contactId: 'desc' }, { sortKey: 'desc' }, { id: 'desc' }],
          index: ['contactId', 'sortKey'],
        })
        .exec();
      const doc = await db.contacts.findOne(contactId).exec();
      if (!doc) continue;
      const lastInteractionOn = newest?.sortKey.slice(0, 10);
      if (doc.lastInteractionOn !== lastInteractionOn) {
        await doc.incrementalModify((d) => {
          if (lastInteractionOn) d.lastInteractionOn = lastInteractionOn;
          else delete d.lastInteractionOn;
          return d;
        });
      }
    }
  }

  async function assertPeopleExist(ids: string[]) {
    const found = await db.contacts.findByIds(ids).exec();
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) {
      throw new AppError('invalid_input', 'Some of those people no longer exist.', [
        { path: ['interaction', 'contactIds'], message: `Unknown person: ${missing.join(', ')}` },
      ]);
    }
  }

  async function write(doc: InteractionDocument, previousContactIds: string[] = []) {
    await db.interactions.upsert(doc);
    const links = await db.participations.find({ selector: { interactionId: doc.id } }).exec();
    await db.participations.bulkRemove(links.filter((l) => !doc.contactIds.includes(l.contactId)).map((l) => l.id));
    await db.participations.bulkUpsert(
      doc.contactIds.map((contactId) => ({
        id: `${doc.id}:${contactId}`,
        interactionId: doc.id,
        contactId,
        sortKey: doc.sortKey,
      })),
    );
    await refreshLastInteraction([...doc.contactIds, ...previousContactIds]);
  }

  return {
    async log({ interaction, newPeople, details }) {
      await assertPeopleExist(interaction.contactIds);
      const created = [];
      for (const displayName of newPeople)
        created.push(
          await contacts.create(
            {
              displayName,
              emails: [],
              phones: [],
              addresses: [],
              social: [],
              tags: [],
              archived: false,
              extensions: [],
            },
            { defaultRhythm: true },
          ),
        );
      const contactIds = [...new Set([...interaction.contactIds, ...created.map((c) => c.id)])];
      if (!contactIds.length)
        throw new AppError('invalid_input', 'Choose at least one person.', [
          { path: ['interaction', 'contactIds'], message: 'Choose at least one person' },
        ]);
      const id = newId();
      const stamp = now();
      const doc: InteractionDocument = {
        ...interaction,
        contactIds,
        id,
        sortKey: interactionSortKey(interaction.date, interaction.time, id),
        createdAt: stamp,
        updatedAt: stamp,
      };
      await write(doc);
      if (details.length) {
        await db.details.bulkInsert(
          details.map((d) => ({
            id: newId(),
            contactId: d.contactId && contactIds.includes(d.contactId) ? d.contactId : contactIds[0]!,
            text: d.text,
            sensitivity: d.sensitivity,
            status: 'open' as const,
            learnedOn: interaction.date,
            interactionId: id,
            ...(d.followUpOn ? { followUpOn: d.followUpOn } : {}),
            createdAt: stamp,
            updatedAt: stamp,
          })),
        );
      }
      return toInteraction(doc);
    },

    async update(id, fields) {
      const existing = await db.interactions.findOne(id).exec();
      if (!existing) throw new AppError('not_found', 'That interaction no longer exists.');
      await assertPeopleExist(fields.contactIds);
      const doc: InteractionDocument = {
        ...fields,
        id,
        sortKey: interactionSortKey(fields.date, fields.time, id),
        createdAt: existing.createdAt,
        updatedAt: now(),
      };
      await write(doc, existing.contactIds);
      return toInteraction(doc);
    },

    async remove(id) {
      const existing = await db.interactions.findOne(id).exec();
      if (!existing) throw new AppError('not_found', 'That interaction no longer exists.');
      const links = await db.participations.find({ selector: { interactionId: id } }).exec();
      const undoToken = await trash.discard(`Deleted a ${existing.type} on ${existing.date}`, {
        interactions: [existing.toMutableJSON()],
        participations: links.map((l) => l.toMutableJSON()),
      });
      await refreshLastInteraction(existing.contactIds);
      return { undoToken };
    },

    refreshLastInteraction,
  };
}

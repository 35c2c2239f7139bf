import type { Contact, ContactFields } from '../../../shared/domain/contact.ts';
import { findDuplicateCandidates, type DuplicateReason } from '../../../shared/domain/duplicates/match.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import type { Clock } from '../clock.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { InteractionsService } from '../interactions/interactions-service.ts';
import type { TrashService } from '../trash/trash-service.ts';
import type { ContactsService } from './contacts-service.ts';

export interface MergeService {
  /** Likely duplicates among people who are not archived, best matches first. */
  candidates(): Promise<
    Array<{
      a: { id: string; displayName: string };
      b: { id: string; displayName: string };
      reasons: DuplicateReason[];
      score: number;
    }>
  >;
  /**
   * Keeps `primaryId` with the chosen `fields`, moves every interaction and detail of
   * `secondaryId` to it, then deletes the secondary (kept in the trash).
   */
  merge(primaryId: string, secondaryId: string, fields: ContactFields): Promise<Contact>;
  /** Remembers "not the same person" for a pair; returns how many pairs are remembered. */
  dismiss(a: string, b: string): Promise<number>;
}

/** Settings document holding the pairs the user said are different people, each sorted `[a, b]`. */
const NOT_DUPLICATES = 'not-duplicates';
const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export function createMergeService(
  db: RapportDatabase,
  contacts: ContactsService,
  interactions: InteractionsService,
  trash: TrashService,
  clock: Clock,
): MergeService {
  const dismissedPairs = async (): Promise<string[]> => {
    const value = (await db.settings.findOne(NOT_DUPLICATES).exec())?.value as { pairs?: unknown } | undefined;
    return Array.isArray(value?.pairs) ? value.pairs.filter((p): p is string => typeof p === 'string') : [];
  };
  return {
    async candidates() {
      const people = (await db.contacts.find({ selector: { archived: false } }).exec()).map((d) => d.toMutableJSON());
      const names = new Map(people.map((p) => [p.id, p.displayName]));
      const dismissed = new Set(await dismissedPairs());
      return findDuplicateCandidates(people)
        .filter((c) => !dismissed.has(pairKey(c.a, c.b)))
        .map((c) => ({
          a: { id: c.a, displayName: names.get(c.a) ?? '' },
          b: { id: c.b, displayName: names.get(c.b) ?? '' },
          reasons: c.reasons,
          score: c.score,
        }));
    },

    async merge(primaryId, secondaryId, fields) {
      if (primaryId === secondaryId) throw new AppError('invalid_input', 'Choose two different people to merge.');
      const secondary = await db.contacts.findOne(secondaryId).exec();
      if (!secondary) throw new AppError('not_found', 'The person to merge no longer exists.');
      const merged = await contacts.update(primaryId, fields);

      const links = await db.participations.find({ selector: { contactId: secondaryId } }).exec();
      const moved = [...(await db.interactions.findByIds(links.map((l) => l.interactionId)).exec()).values()];
      for (const doc of moved) {
        const { sortKey: _sortKey, ...interaction } = doc.toMutableJSON();
        const contactIds = [...new Set(interaction.contactIds.map((id) => (id === secondaryId ? primaryId : id)))];
        await interactions.update(interaction.id, { ...interaction, contactIds });
      }
      const details = await db.details.find({ selector: { contactId: secondaryId } }).exec();
      await db.details.bulkUpsert(details.map((d) => ({ ...d.toMutableJSON(), contactId: primaryId })));
      await trash.discard(`Merged ${secondary.displayName} into ${merged.displayName}`, {
        contacts: [secondary.toMutableJSON()],
      });
      return merged;
    },

    async dismiss(a, b) {
      if (a === b) throw new AppError('invalid_input', 'Choose two different people.');
      const pairs = new Set(await dismissedPairs()).add(pairKey(a, b));
      await db.settings.upsert({
        id: NOT_DUPLICATES,
        value: { pairs: [...pairs] },
        updatedAt: clock.now().toISOString(),
      });
      return pairs.size;
    },
  };
}

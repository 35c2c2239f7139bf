import type { Contact, ContactFields } from '../../../shared/domain/contact.ts';
import { findDuplicateCandidates, type DuplicateReason } from '../../../shared/domain/duplicates/match.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { z } from 'zod';
import type { CoreContext } from '../context.ts';
import { settingsKey } from '../settings/settings-store.ts';
import type { ContactsService } from './contacts-service.ts';
import type { RelationshipsService } from './relationships-service.ts';
import type { ContactDocument } from './schema.ts';

export interface DuplicateCandidate {
  a: { id: string; displayName: string };
  b: { id: string; displayName: string };
  reasons: DuplicateReason[];
  score: number;
}

export interface MergeService {
  /** Likely duplicates among people who are not archived, best matches first. */
  candidates(): Promise<DuplicateCandidate[]>;
  /**
   * Keeps `primaryId` with the chosen `fields`, moves every interaction and detail of
   * `secondaryId` to it, then deletes the secondary (kept in the trash).
   */
  merge(primaryId: string, secondaryId: string, fields: ContactFields): Promise<Contact>;
  /** Remembers "not the same person" for a pair; returns how many pairs are remembered. */
  dismiss(a: string, b: string): Promise<number>;
}

/** Pairs the user said are different people, each as `a\u0000b` with a < b; the same on every device. */
export const NOT_DUPLICATES = settingsKey({
  id: 'not-duplicates',
  label: 'the people you said are not duplicates',
  // No fallback for the list: one this version cannot read is refused on update, not emptied.
  schema: z.object({ pairs: z.array(z.string().max(200)).max(100_000) }),
  fallback: { pairs: [] },
  scope: 'synced',
});
const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export function createMergeService(
  ctx: CoreContext,
  contacts: ContactsService,
  relationships: RelationshipsService,
): MergeService {
  const { db } = ctx;
  return {
    async candidates() {
      const people = (await db.contacts.find({ selector: { archived: false } }).exec()).map((d) => d.toMutableJSON());
      const names = new Map(people.map((p) => [p.id, p.displayName]));
      const dismissed = new Set((await ctx.settings.read(NOT_DUPLICATES)).pairs);
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
      // Six writes in three areas and the trash: all or nothing, even if the app dies between them.
      return ctx.journal.operation('merging two people', async () => {
        const secondary = await db.contacts.findOne(secondaryId).exec();
        if (!secondary) throw new AppError('not_found', 'The person to merge no longer exists.');
        const merged = await contacts.update(primaryId, fields);
        await ctx.areas.interactions.movePerson(secondaryId, primaryId);
        await ctx.areas.details.moveToPerson(secondaryId, primaryId);
        await relationships.movePerson(secondaryId, primaryId);
        const removed = secondary.toMutableJSON() as ContactDocument;
        await ctx.trash.keep(`Merged ${removed.displayName} into ${merged.displayName}`, { contacts: [removed] });
        ctx.journal.expect({ replacedPeople: [removed] });
        await secondary.remove();
        await ctx.projection.settled();
        return merged;
      });
    },

    async dismiss(a, b) {
      if (a === b) throw new AppError('invalid_input', 'Choose two different people.');
      const next = await ctx.settings.update(NOT_DUPLICATES, (value) => ({
        pairs: [...new Set([...value.pairs, pairKey(a, b)])],
      }));
      return next.pairs.length;
    },
  };
}

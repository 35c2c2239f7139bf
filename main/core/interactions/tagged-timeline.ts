import type { InteractionType } from '../../../shared/domain/interaction.ts';
import type { RapportDatabase } from '../db/database.ts';
import { yieldToEventLoop } from '../db/bulk.ts';
import { keptRead } from '../db/kept-read.ts';
import { storedDocuments } from '../db/stored.ts';

/**
 * The timeline filtered by a tag (and by types), as interaction ids newest first: everything
 * logged with anyone who has the tag. At 50,000 people a common tag names about 5,000 people and
 * 120,000 links; read as RxDB documents, one query per person, that took 7.8 s, again for every
 * page, every count and a search hit's position. Now people and links are read as stored, and the
 * list is kept until the people index, the links or (with types) the interactions are written
 * (kept-read.ts): the next page, the count and a position read nothing. Tags come from the people
 * index, which the projector brings up to date right after each write to a person.
 */
export function taggedTimeline(db: RapportDatabase) {
  const everyType = keptRead(db, ['people_index', 'participations'], async (tag: string): Promise<string[]> => {
    const people = await storedDocuments(db.people_index.find({ selector: { tags: { $elemMatch: { $eq: tag } } } }));
    const keys = new Map<string, string>();
    for (const [n, person] of people.entries()) {
      // Each read holds the event loop; other requests get a turn every 200 people.
      if (n > 0 && n % 200 === 0) await yieldToEventLoop();
      const links = await storedDocuments(
        db.participations.find({ selector: { contactId: person.id }, index: ['contactId', 'sortKey'] }),
      );
      for (const link of links) keys.set(link.interactionId, link.sortKey);
    }
    // Sort keys end with the interaction's id, so they are unique: newest first.
    return [...keys].sort(([, a], [, b]) => (a < b ? 1 : -1)).map(([id]) => id);
  });
  // Apart, so that choosing types keeps the tag's list, and changing them back finds it.
  const ofTypes = keptRead(
    db,
    ['people_index', 'participations', 'interactions'],
    async (tag: string, types: readonly InteractionType[]): Promise<string[]> => {
      const ids = await everyType(tag);
      const typeOf = new Map(
        (await db.interactions.storageInstance.findDocumentsById(ids, false)).map((d) => [d.id, d.type]),
      );
      // A link outlives its deleted interaction until the projector's pass ends, so an id may have none.
      return ids.filter((id) => {
        const type = typeOf.get(id);
        return type !== undefined && types.includes(type);
      });
    },
  );
  // Types in one order, so that the same choice finds the kept list however it was ticked.
  return (tag: string, types: readonly InteractionType[] = []) =>
    types.length ? ofTypes(tag, [...types].sort()) : everyType(tag);
}

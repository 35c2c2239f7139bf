/** Reads over a person's timeline that several areas share (reminders, starters, the person page). */
import { reciprocityBalance, reciprocityWindowStart } from '../../../shared/domain/reciprocity/balance.ts';
import type { RapportDatabase } from '../db/database.ts';

/** A person's exchanges in the reciprocity window, oldest first (the rules read recency from order). */
export async function recentExchanges(db: RapportDatabase, contactId: string, today: string) {
  const links = await db.participations
    .find({
      selector: { contactId, sortKey: { $gt: reciprocityWindowStart(today) } },
      sort: [{ contactId: 'asc' }, { sortKey: 'asc' }],
      index: ['contactId', 'sortKey'],
    })
    .exec();
  const docs = await db.interactions.findByIds(links.map((l) => l.interactionId)).exec();
  return links.flatMap((l) => {
    const d = docs.get(l.interactionId);
    return d ? [{ date: d.date, gave: d.gave, asked: d.asked, mutual: d.mutual }] : [];
  });
}

/** gave − asked with one person over the reciprocity window. */
export async function balanceWith(db: RapportDatabase, contactId: string, today: string): Promise<number> {
  return reciprocityBalance(await recentExchanges(db, contactId, today), today).balance;
}

import type { TodayItem } from '../../../shared/domain/reminders/views.ts';
import type { RapportDatabase } from '../db/database.ts';

/**
 * Adds the detail's text to the follow-up reasons of the items Today shows, for details marked
 * `normal` only: private and sensitive text never leaves the core. Scheduling needs no text, so
 * only the few shown are read, not every waiting follow-up (a thousand at 50,000 people).
 */
export async function withFollowUpTexts(db: RapportDatabase, items: readonly TodayItem[]): Promise<TodayItem[]> {
  const ids = items.flatMap((item) => item.reasons.flatMap((r) => (r.kind === 'follow-up' ? [r.detailId] : [])));
  if (!ids.length) return [...items];
  const details = await db.details.storageInstance.findDocumentsById([...new Set(ids)], false);
  const shown = new Map(details.filter((d) => d.sensitivity === 'normal').map((d) => [d.id, d.text]));
  return items.map((item) => ({
    ...item,
    reasons: item.reasons.map((r) => {
      const text = r.kind === 'follow-up' ? shown.get(r.detailId) : undefined;
      return text === undefined ? r : { ...r, text };
    }),
  }));
}

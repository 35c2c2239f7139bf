/**
 * Turns a previewed import and the user's choices into the documents to write (import-write.ts
 * writes them). Reads the people merged into; writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { ContactFields, type Tier } from '../../../shared/domain/contact.ts';
import { mergeContacts } from '../../../shared/domain/duplicates/merge.ts';
import type { ImportAction, ImportSummary } from '../../../shared/ipc/channels/interchange.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import type { Clock } from '../clock.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { InteractionDocument } from '../interactions/schema.ts';
import { interactionSortKey } from '../interactions/sort-key.ts';
import type { ContactDocument } from '../people/schema.ts';
import { findRepeatsSteps, type Repeat } from './file-repeats.ts';
import type { WritePlan } from './import-write.ts';
import { findMatches, indexPeople, type CardMatch, type Indexed } from './match.ts';
import { runToEnd } from './sliced.ts';

export const CONNECTED_ON_LINKEDIN = 'Connected on LinkedIn';

export interface PlannedCard {
  line: number;
  fields: ContactFields;
  connectedOn?: string;
  /** How the card compares with the people here; `duplicate` when it repeats an earlier card (`sameAs[0]`). */
  match: CardMatch;
  /** Earlier cards of the same file that look like the same person (file-repeats.ts). */
  sameAs: Repeat[];
}

/** Whether the card is merged with the earlier card of the file it repeats, rather than written on its own. */
const joinsEarlier = (card: PlannedCard, action: ImportAction | undefined) =>
  card.match.status === 'duplicate' && action === 'merge';

/** Turns cards and actions into documents; reads the merge targets, writes nothing. */
export async function buildPlan(
  db: RapportDatabase,
  clock: Clock,
  cards: PlannedCard[],
  actions: ImportAction[],
  defaultTier: Tier | undefined,
): Promise<{ plan: WritePlan; summary: ImportSummary }> {
  const stamp = clock.now().toISOString();
  const summary: ImportSummary = { cancelled: false, created: 0, merged: 0, skipped: 0, interactions: 0 };
  const created: ContactDocument[] = [];
  const targets = new Map<string, { previous: ContactDocument; next: ContactDocument }>();
  const connections: { contactId: string; date: string }[] = [];

  // A duplicate left merged joins the card it repeats, whose action then decides for both; one
  // the user chose for on its own row is set apart from it.
  const joined = new Map<number, PlannedCard[]>();
  const apart = new Map<number, PlannedCard[]>();
  for (const [index, card] of cards.entries()) {
    if (card.match.status !== 'duplicate') continue;
    const group = joinsEarlier(card, actions[index]) ? joined : apart;
    const first = card.sameAs[0]!.index;
    group.set(first, [...(group.get(first) ?? []), card]);
  }

  const targetIds = [
    ...new Set(
      cards.flatMap((c, i) => (actions[i] === 'merge' && !joinsEarlier(c, actions[i]) ? [c.match.matches[0]!.id] : [])),
    ),
  ];
  const found = await db.contacts.findByIds(targetIds).exec();
  for (const [index, card] of cards.entries()) {
    const action = actions[index];
    if (joinsEarlier(card, action)) continue;
    const repeats = joined.get(index) ?? [];
    // The file's own repeats first, the way a merge into someone here goes: nothing the file held is dropped.
    const fields = repeats.reduce((person, repeat) => mergeContacts(person, repeat.fields).merged, card.fields);
    const target = action === 'merge' ? found.get(card.match.matches[0]!.id)?.toMutableJSON() : undefined;
    if (action !== 'skip') checkSetApart(card, repeats, apart.get(index), fields, target);
    // The day they first connected.
    const connectedOn = [card, ...repeats].flatMap((c) => c.connectedOn ?? []).sort()[0];
    if (action === 'skip') {
      summary.skipped += 1 + repeats.length;
    } else if (action === 'create') {
      const id = randomUUID();
      const tier = defaultTier && !fields.tier && !fields.cadence ? { tier: defaultTier } : {};
      created.push({ ...fields, ...tier, id, createdAt: stamp, updatedAt: stamp });
      if (connectedOn) connections.push({ contactId: id, date: connectedOn });
      summary.created++;
      summary.merged += repeats.length;
    } else {
      const targetId = card.match.matches[0]!.id;
      const doc = found.get(targetId);
      if (!doc)
        throw new AppError(
          'conflict',
          `${card.fields.displayName} (line ${card.line}) was to be merged into someone who has since been deleted. Preview the file again.`,
        );
      const entry = targets.get(targetId) ?? {
        previous: doc.toMutableJSON() as ContactDocument,
        next: doc.toMutableJSON() as ContactDocument,
      };
      const { merged } = mergeContacts(ContactFields.parse(entry.next), fields);
      // Relationships are not contact fields (mergeContacts drops them); the person keeps theirs.
      const { relationships } = entry.previous;
      entry.next = {
        ...merged,
        ...(relationships ? { relationships } : {}),
        id: targetId,
        createdAt: entry.previous.createdAt,
        updatedAt: stamp,
      };
      targets.set(targetId, entry);
      if (connectedOn) connections.push({ contactId: targetId, date: connectedOn });
      summary.merged += 1 + repeats.length;
    }
  }

  const interactions = await connectionInteractions(db, connections, stamp);
  summary.interactions = interactions.length;
  const merges = [...targets.values()].filter(
    (t) => JSON.stringify({ ...t.next, updatedAt: '' }) !== JSON.stringify({ ...t.previous, updatedAt: '' }),
  );
  const plan: WritePlan = {
    people: [...merges.map((t) => t.next), ...created],
    previous: merges.map((t) => t.previous),
    interactions,
  };
  return { plan, summary };
}

/**
 * A repeat the user set apart ("Create separately", "Skip") takes its values out of the person it
 * repeated, and with them evidence the preview used: the match with someone here, or the link to a
 * later line that shared a value only with it. Rather than merge on evidence that is no longer
 * there, the commit stops and says which line to choose for again.
 */
function checkSetApart(
  card: PlannedCard,
  stay: readonly PlannedCard[],
  apart: readonly PlannedCard[] | undefined,
  fields: ContactFields,
  target: Indexed | undefined,
): void {
  if (!apart?.length) return;
  const setApart = apart.map((c) => c.line).join(', ');
  const chain = runToEnd(findRepeatsSteps([card.fields, ...stay.map((c) => c.fields)])).firstOf;
  const loose = stay.find((_, i) => chain[i + 1] !== 0);
  if (loose)
    throw new AppError(
      'conflict',
      `Line ${loose.line} looked like line ${card.line} only through line ${setApart}, which you set apart. Choose for line ${loose.line} too, or merge line ${setApart} again.`,
    );
  if (target && !findMatches(fields, indexPeople([target])).length)
    throw new AppError(
      'conflict',
      `Line ${card.line} looked like ${target.displayName} only through line ${setApart}, which you set apart. Choose for line ${card.line} again, or merge line ${setApart} again.`,
    );
}

/** One "Connected on LinkedIn" per person: a re-import of the same file adds nothing new. */
async function connectionInteractions(
  db: RapportDatabase,
  connections: { contactId: string; date: string }[],
  stamp: string,
): Promise<InteractionDocument[]> {
  const interactionId = (contactId: string) => `linkedin-connected-${contactId}`;
  const existing = await db.interactions.findByIds(connections.map((c) => interactionId(c.contactId))).exec();
  const seen = new Set<string>();
  const interactions: InteractionDocument[] = [];
  for (const { contactId, date } of connections) {
    const id = interactionId(contactId);
    if (existing.has(id) || seen.has(id)) continue;
    seen.add(id);
    interactions.push({
      id,
      type: 'social',
      date,
      contactIds: [contactId],
      title: CONNECTED_ON_LINKEDIN,
      gave: [],
      asked: [],
      mutual: false,
      sortKey: interactionSortKey(date, undefined, id),
      createdAt: stamp,
      updatedAt: stamp,
    });
  }
  return interactions;
}

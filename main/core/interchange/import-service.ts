/**
 * Import with preview: `preview` parses the file and matches each card against the people here
 * (writing nothing) and keeps the result as a session; `commit` applies the user's choices in
 * one compensated bulk write (import-write.ts); `cancel` stops either.
 */
import { randomUUID } from 'node:crypto';
import { ContactFields, type Tier } from '../../../shared/domain/contact.ts';
import { mergeContacts } from '../../../shared/domain/duplicates/merge.ts';
import type {
  ImportAction,
  ImportPolicy,
  ImportPreview,
  ImportProgress,
  ImportSummary,
  PreviewCard,
} from '../../../shared/ipc/channels/interchange.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import type { Clock } from '../clock.ts';
import type { ContactDocument } from '../db/contacts-schema.ts';
import type { RapportDatabase } from '../db/database.ts';
import { interactionSortKey } from '../interactions/sort-key.ts';
import { importContactsFileSteps } from './detect.ts';
import { applyPlan, ImportCancelled, type WritePlan } from './import-write.ts';
import { indexPeople, matchCard, type CardMatch } from './match.ts';
import { runSliced } from './sliced.ts';
import type { ImportProblem } from './types.ts';

export const CONNECTED_ON_LINKEDIN = 'Connected on LinkedIn';
const MAX_SESSIONS = 4;
const PAGE = 1000;

export interface PlannedCard {
  line: number;
  fields: ContactFields;
  connectedOn?: string;
  match: CardMatch;
}

interface ImportSession {
  id: string;
  fileName: string;
  format: ImportPreview['format'];
  cards: PlannedCard[];
  problems: ImportProblem[];
  stop: boolean;
  committing: boolean;
}

export interface ImportService {
  preview(fileName: string, bytes: Uint8Array): Promise<ImportPreview>;
  commit(
    sessionId: string,
    policy: ImportPolicy | undefined,
    choices: { index: number; action: ImportAction }[],
  ): Promise<ImportSummary>;
  cancel(sessionId: string): boolean;
  /** The parsed and matched cards of a session (the CLI's dry run prints them). */
  planned(sessionId: string): PlannedCard[];
}

/** Every person, read in pages by id so no single read holds the event loop. */
async function allPeople(db: RapportDatabase): Promise<ContactDocument[]> {
  const out: ContactDocument[] = [];
  let after = '';
  for (;;) {
    const page = await db.contacts
      .find({ selector: { id: { $gt: after } }, sort: [{ id: 'asc' }], limit: PAGE })
      .exec();
    for (const d of page) out.push(d.toMutableJSON() as ContactDocument);
    if (page.length < PAGE) return out;
    after = page.at(-1)!.id;
  }
}

export function createImportService(
  db: RapportDatabase,
  clock: Clock,
  onProgress: (progress: ImportProgress) => void = () => {},
  /** The rhythm new people start with when their card names none (Settings → default rhythm). */
  defaultTier: () => Promise<Tier | undefined> = async () => undefined,
): ImportService {
  const sessions = new Map<string, ImportSession>();
  const find = (id: string) => {
    const session = sessions.get(id);
    if (!session) throw new AppError('not_found', 'That import is no longer open. Choose the file again.');
    return session;
  };

  return {
    async preview(fileName, bytes) {
      const names = new Map<string, string>();
      const session: ImportSession = {
        id: randomUUID(),
        fileName,
        format: 'unknown',
        cards: [],
        problems: [],
        stop: false,
        committing: false,
      };
      sessions.set(session.id, session);
      // Old previews the user walked away from are dropped, oldest first.
      for (const id of [...sessions.keys()].slice(0, Math.max(0, sessions.size - MAX_SESSIONS))) sessions.delete(id);
      try {
        const parsed = await runSliced(importContactsFileSteps(bytes, fileName), { shouldStop: () => session.stop });
        const index = indexPeople(await allPeople(db));
        for (const [id, person] of index.byId) names.set(id, person.displayName);
        session.format = parsed.format;
        session.problems = parsed.problems;
        session.cards = await runSliced(
          (function* () {
            const out: PlannedCard[] = [];
            for (const card of parsed.cards) {
              const fields = ContactFields.parse(card.draft);
              out.push({
                line: card.line,
                fields,
                ...(card.connectedOn ? { connectedOn: card.connectedOn } : {}),
                match: matchCard(fields, index),
              });
              yield;
            }
            return out;
          })(),
          { shouldStop: () => session.stop },
        );
      } catch (error) {
        sessions.delete(session.id);
        if ((error as Error).message === 'cancelled') throw new AppError('conflict', 'The import was cancelled.');
        throw error;
      }
      return toPreview(session, names);
    },

    async commit(sessionId, policy, choices) {
      const session = find(sessionId);
      if (session.committing) throw new AppError('conflict', 'This import is already being written.');
      session.committing = true;
      const chosen = new Map(choices.map((c) => [c.index, c.action]));
      const actions = session.cards.map((card, index) => {
        const action = chosen.get(index) ?? (card.match.status !== 'new' && policy ? policy : card.match.action);
        // Merging needs someone to merge into; a new card can only be created or skipped.
        return action === 'merge' && card.match.matches.length === 0 ? 'create' : action;
      });
      try {
        const { plan, summary } = await buildPlan(db, clock, session.cards, actions, await defaultTier());
        await applyPlan(db, plan, {
          shouldStop: () => session.stop,
          onProgress: (phase, done, total) => onProgress({ sessionId, phase, done, total }),
        });
        sessions.delete(sessionId);
        return summary;
      } catch (error) {
        if (error instanceof ImportCancelled) {
          sessions.delete(sessionId);
          return { cancelled: true, created: 0, merged: 0, skipped: 0, interactions: 0 };
        }
        session.committing = false;
        session.stop = false;
        throw error;
      }
    },

    cancel(sessionId) {
      const session = sessions.get(sessionId);
      if (!session) return false;
      session.stop = true;
      // Not yet writing: nothing to undo, the preview is simply forgotten.
      if (!session.committing) sessions.delete(sessionId);
      return true;
    },

    planned: (sessionId) => find(sessionId).cards,
  };
}

function toPreview(session: ImportSession, names: Map<string, string>): ImportPreview {
  const counts = { new: 0, match: 0, conflict: 0 };
  const cards: PreviewCard[] = [];
  for (const [index, { line, fields, connectedOn, match }] of session.cards.entries()) {
    counts[match.status]++;
    const matches = match.matches.map((m) => ({ ...m, displayName: names.get(m.id) ?? '' }));
    cards.push({
      index,
      line,
      displayName: fields.displayName,
      ...(fields.organisation ? { organisation: fields.organisation } : {}),
      ...(fields.emails[0] ? { email: fields.emails[0].value } : {}),
      ...(fields.phones[0] ? { phone: fields.phones[0].value } : {}),
      ...(connectedOn ? { connectedOn } : {}),
      status: match.status,
      matches,
      conflictFields: match.conflictFields,
      action: match.action,
    });
  }
  return {
    sessionId: session.id,
    fileName: session.fileName,
    format: session.format,
    cards,
    problems: session.problems,
    counts,
  };
}

/** Turns cards and actions into documents; reads the merge targets, writes nothing. */
async function buildPlan(
  db: RapportDatabase,
  clock: Clock,
  cards: PlannedCard[],
  actions: ImportAction[],
  defaultTier: Tier | undefined,
): Promise<{ plan: WritePlan; summary: ImportSummary }> {
  const stamp = clock.now().toISOString();
  const summary: ImportSummary = { cancelled: false, created: 0, merged: 0, skipped: 0, interactions: 0 };
  const created: Record<string, unknown>[] = [];
  const targets = new Map<string, { previous: ContactDocument; next: ContactDocument }>();
  const connections: { contactId: string; date: string }[] = [];
  const later = (a: string | undefined, b: string | undefined) => (a && b ? (a > b ? a : b) : (a ?? b));

  const targetIds = [...new Set(cards.flatMap((c, i) => (actions[i] === 'merge' ? [c.match.matches[0]!.id] : [])))];
  const found = await db.contacts.findByIds(targetIds).exec();
  for (const [index, card] of cards.entries()) {
    const action = actions[index];
    if (action === 'skip') {
      summary.skipped++;
    } else if (action === 'create') {
      const id = randomUUID();
      created.push({
        ...card.fields,
        ...(defaultTier && !card.fields.tier && !card.fields.cadence ? { tier: defaultTier } : {}),
        id,
        sortName: card.fields.displayName.toLocaleLowerCase(),
        createdAt: stamp,
        updatedAt: stamp,
        ...(card.connectedOn ? { lastInteractionOn: card.connectedOn } : {}),
      });
      if (card.connectedOn) connections.push({ contactId: id, date: card.connectedOn });
      summary.created++;
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
      const { merged } = mergeContacts(ContactFields.parse(entry.next), card.fields);
      const last = later(entry.next.lastInteractionOn, card.connectedOn);
      entry.next = {
        ...merged,
        id: targetId,
        sortName: merged.displayName.toLocaleLowerCase(),
        createdAt: entry.previous.createdAt,
        updatedAt: stamp,
        ...(last ? { lastInteractionOn: last } : {}),
      };
      targets.set(targetId, entry);
      if (card.connectedOn) connections.push({ contactId: targetId, date: card.connectedOn });
      summary.merged++;
    }
  }

  // One "Connected on LinkedIn" per person: a re-import of the same file adds nothing new.
  const interactionId = (contactId: string) => `linkedin-connected-${contactId}`;
  const existing = await db.interactions.findByIds(connections.map((c) => interactionId(c.contactId))).exec();
  const seen = new Set<string>();
  const interactions: Record<string, unknown>[] = [];
  const participations: Record<string, unknown>[] = [];
  for (const { contactId, date } of connections) {
    const id = interactionId(contactId);
    if (existing.has(id) || seen.has(id)) continue;
    seen.add(id);
    const sortKey = interactionSortKey(date, undefined, id);
    interactions.push({
      id,
      type: 'social',
      date,
      contactIds: [contactId],
      title: CONNECTED_ON_LINKEDIN,
      gave: [],
      asked: [],
      mutual: false,
      sortKey,
      createdAt: stamp,
      updatedAt: stamp,
    });
    participations.push({ id: `${id}:${contactId}`, interactionId: id, contactId, sortKey });
  }
  summary.interactions = interactions.length;
  const merges = [...targets.values()]
    .filter((t) => JSON.stringify({ ...t.next, updatedAt: '' }) !== JSON.stringify({ ...t.previous, updatedAt: '' }))
    .map((t) => ({ next: t.next as Record<string, unknown>, previous: t.previous as Record<string, unknown> }));
  const plan: WritePlan = {
    merges,
    inserts: [
      { collection: 'contacts', docs: created },
      { collection: 'interactions', docs: interactions },
      { collection: 'participations', docs: participations },
    ],
  };
  return { plan, summary };
}

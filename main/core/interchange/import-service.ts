/**
 * Import with preview: `preview` parses the file and matches each card against the people here
 * (writing nothing) and keeps the result as a session; `commit` applies the user's choices in
 * one compensated bulk write (import-write.ts); `cancel` stops either.
 */
import { randomUUID } from 'node:crypto';
import { ContactFields, type Tier } from '../../../shared/domain/contact.ts';
import { mergeContacts } from '../../../shared/domain/duplicates/merge.ts';
import type {
  CsvPreview,
  ImportAction,
  ImportPolicy,
  ImportPreview,
  ImportProgress,
  ImportSummary,
  PreviewCard,
} from '../../../shared/ipc/channels/interchange.ts';
import { SAFETY_COPY_PEOPLE } from '../../../shared/ipc/channels/interchange.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import type { Clock } from '../clock.ts';
import type { AreaApis } from '../context.ts';
import { pagesOf } from '../db/bulk.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { InteractionDocument } from '../interactions/schema.ts';
import { interactionSortKey } from '../interactions/sort-key.ts';
import { cancellable, isCancelled } from '../jobs/cancellation.ts';
import type { ContactDocument } from '../people/schema.ts';
import type { Projector } from '../projection/projector.ts';
import { readContactsFile, type PreviewOptions, type RememberedLayouts } from './csv-preview.ts';
import { freeBytes, releaseReserve } from '../lifecycle/reserve.ts';
import type { DataFolder } from '../lifecycle/data-folder.ts';
import type { WriteJournal } from '../lifecycle/write-journal.ts';
import { applyPlan, type WritePlan } from './import-write.ts';
import { indexPeople, matchCard, type CardMatch } from './match.ts';
import { runSliced } from './sliced.ts';
import type { ImportProblem } from './types.ts';

export const CONNECTED_ON_LINKEDIN = 'Connected on LinkedIn';
const MAX_SESSIONS = 4;

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
  /** A CSV's file, kept so it can be read again with another column mapping. */
  bytes?: Uint8Array;
  csv?: CsvPreview;
  cancellation: ReturnType<typeof cancellable>;
  committing: boolean;
}

export interface ImportService {
  preview(fileName: string, bytes: Uint8Array, options?: PreviewOptions): Promise<ImportPreview>;
  /**
   * Reads the CSV of an open preview again, typically with a corrected `csvMapping`; the new
   * preview replaces that one. @throws AppError `not_found` (no such preview, or not a CSV),
   * `conflict` (it is being written).
   */
  previewAgain(sessionId: string, options?: PreviewOptions): Promise<ImportPreview>;
  commit(
    sessionId: string,
    policy: ImportPolicy | undefined,
    choices: { index: number; action: ImportAction }[],
  ): Promise<ImportSummary>;
  cancel(sessionId: string): boolean;
  /** The parsed and matched cards of a session (the CLI's dry run prints them). */
  planned(sessionId: string): PlannedCard[];
  /** Cancels every import and waits until a commit in progress has been undone (the app is closing). */
  close(): Promise<void>;
}

/** Imports that create or change at least this many people get a safety copy of the database first. */

export interface ImportDeps {
  db: RapportDatabase;
  clock: Clock;
  areas: AreaApis;
  projection: Pick<Projector, 'flush'>;
  folder: DataFolder;
  journal: WriteJournal;
  safetyCopy: (reason: string) => Promise<void>;
  /** The rhythm new people start with when their card names none (Settings → default rhythm). */
  defaultTier?: () => Promise<Tier | undefined>;
  /** Column mappings the user asked to remember for a CSV header (csv-preview.ts). */
  layouts?: RememberedLayouts;
  onProgress?: (progress: ImportProgress) => void;
}

export function createImportService(deps: ImportDeps): ImportService {
  const { db, clock, areas, projection, folder, journal } = deps;
  const onProgress = deps.onProgress ?? (() => {});
  const sessions = new Map<string, ImportSession>();
  const commits = new Set<Promise<unknown>>();
  const find = (id: string) => {
    const session = sessions.get(id);
    if (!session) throw new AppError('not_found', 'That import is no longer open. Choose the file again.');
    return session;
  };

  /** Writes a previewed import; all or nothing (import-write.ts). */
  async function commit(
    sessionId: string,
    policy: ImportPolicy | undefined,
    choices: { index: number; action: ImportAction }[],
  ): Promise<ImportSummary> {
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
      const { plan, summary } = await buildPlan(db, clock, session.cards, actions, await deps.defaultTier?.());
      checkRoomFor(folder, plan, session.fileName);
      if (summary.created + summary.merged >= SAFETY_COPY_PEOPLE) {
        await deps.safetyCopy(`Before importing ${session.fileName} (${summary.created + summary.merged} people)`);
      }
      await applyPlan(areas, journal, plan, {
        id: randomUUID(),
        fileName: session.fileName,
        startedAt: clock.now(),
        signal: session.cancellation.signal,
        onProgress: (phase, done, total) => onProgress({ sessionId, phase, done, total }),
        settle: () => projection.flush(),
        freeSpace: () => void releaseReserve(folder),
      });
      sessions.delete(sessionId);
      return summary;
    } catch (error) {
      if (isCancelled(error)) {
        sessions.delete(sessionId);
        return { cancelled: true, created: 0, merged: 0, skipped: 0, interactions: 0 };
      }
      session.committing = false;
      session.cancellation = cancellable();
      throw error;
    }
  }

  /** Reads a file into a new session: parse (through the CSV mapping in force), then match. */
  async function preview(fileName: string, bytes: Uint8Array, options: PreviewOptions) {
    const names = new Map<string, string>();
    const session: ImportSession = {
      id: randomUUID(),
      fileName,
      format: 'unknown',
      cards: [],
      problems: [],
      cancellation: cancellable(),
      committing: false,
    };
    sessions.set(session.id, session);
    // Old previews the user walked away from are dropped, oldest first.
    for (const id of [...sessions.keys()].slice(0, Math.max(0, sessions.size - MAX_SESSIONS))) sessions.delete(id);
    try {
      const { parsed, csv } = await readContactsFile(fileName, bytes, options, {
        layouts: deps.layouts,
        signal: session.cancellation.signal,
      });
      const people: ContactDocument[] = [];
      for await (const page of pagesOf(db.contacts)) people.push(...page);
      const index = indexPeople(people);
      for (const [id, person] of index.byId) names.set(id, person.displayName);
      session.format = parsed.format;
      session.problems = parsed.problems;
      if (csv) session.csv = csv;
      if (csv || options.csvMapping) session.bytes = bytes;
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
        { signal: session.cancellation.signal },
      );
    } catch (error) {
      sessions.delete(session.id);
      if (isCancelled(error)) throw new AppError('conflict', 'The import was cancelled.');
      throw error;
    }
    return { session, names };
  }

  return {
    async preview(fileName, bytes, options = {}) {
      const { session, names } = await preview(fileName, bytes, options);
      return toPreview(session, names);
    },

    async previewAgain(sessionId, options = {}) {
      const previous = find(sessionId);
      if (previous.committing) throw new AppError('conflict', 'This import is already being written.');
      if (!previous.bytes)
        throw new AppError('not_found', 'Only a CSV file can be read again with other columns. Choose the file again.');
      const { session, names } = await preview(previous.fileName, previous.bytes, options);
      sessions.delete(sessionId);
      return toPreview(session, names);
    },

    commit(sessionId, policy, choices) {
      const running = commit(sessionId, policy, choices);
      commits.add(running);
      void running.finally(() => commits.delete(running)).catch(() => {});
      return running;
    },
    cancel(sessionId) {
      const session = sessions.get(sessionId);
      if (!session) return false;
      session.cancellation.cancel();
      // Not yet writing: nothing to undo, the preview is simply forgotten.
      if (!session.committing) sessions.delete(sessionId);
      return true;
    },

    planned: (sessionId) => find(sessionId).cards,

    async close() {
      for (const session of sessions.values()) session.cancellation.cancel();
      await Promise.all([...commits]);
    },
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
    ...(session.csv ? { csv: session.csv } : {}),
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
  const created: ContactDocument[] = [];
  const targets = new Map<string, { previous: ContactDocument; next: ContactDocument }>();
  const connections: { contactId: string; date: string }[] = [];

  const targetIds = [...new Set(cards.flatMap((c, i) => (actions[i] === 'merge' ? [c.match.matches[0]!.id] : [])))];
  const found = await db.contacts.findByIds(targetIds).exec();
  for (const [index, card] of cards.entries()) {
    const action = actions[index];
    if (action === 'skip') {
      summary.skipped++;
    } else if (action === 'create') {
      const id = randomUUID();
      const tier = defaultTier && !card.fields.tier && !card.fields.cadence ? { tier: defaultTier } : {};
      created.push({ ...card.fields, ...tier, id, createdAt: stamp, updatedAt: stamp });
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
      if (card.connectedOn) connections.push({ contactId: targetId, date: card.connectedOn });
      summary.merged++;
    }
  }

  // One "Connected on LinkedIn" per person: a re-import of the same file adds nothing new.
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
 * Refuses an import the disk has no room for, before anything is written. SQLite needs roughly
 * three times the JSON size while writing (the rows, their indexes, the write-ahead log).
 */
function checkRoomFor(folder: DataFolder, plan: WritePlan, fileName: string): void {
  const needed = 3 * Buffer.byteLength(JSON.stringify([plan.people, plan.interactions]));
  const free = freeBytes(folder);
  if (free < needed) {
    const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
    throw new AppError(
      'unavailable',
      `There is not enough free disk space to import ${fileName}: it needs about ${mb(needed)} and ${mb(free)} is free. Nothing was changed.`,
    );
  }
}

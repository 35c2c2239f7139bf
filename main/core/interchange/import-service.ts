/**
 * Import with preview: `preview` parses the file, finds the people it repeats (file-repeats.ts),
 * matches each card against the people here (writing nothing) and keeps the result as a session;
 * `commit` applies the user's choices (import-plan.ts) in one compensated bulk write
 * (import-write.ts); `cancel` stops either.
 */
import { randomUUID } from 'node:crypto';
import { ContactFields, type Tier } from '../../../shared/domain/contact.ts';
import type {
  CsvPreview,
  ImportAction,
  ImportPolicy,
  ImportPreview,
  ImportProgress,
  ImportSummary,
  PreviewCard,
} from '../../../shared/ipc/channels/interchange.ts';
import { defaultAction, SAFETY_COPY_PEOPLE } from '../../../shared/ipc/channels/interchange.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import type { Clock } from '../clock.ts';
import type { AreaApis } from '../context.ts';
import { everyDocument } from '../db/bulk.ts';
import type { RapportDatabase } from '../db/database.ts';
import { cancellable, isCancelled } from '../jobs/cancellation.ts';
import type { Projector } from '../projection/projector.ts';
import { readContactsFile, type PreviewOptions, type RememberedLayouts } from './csv-preview.ts';
import { releaseReserve } from '../lifecycle/reserve.ts';
import type { DataFolder } from '../lifecycle/data-folder.ts';
import type { WriteJournal } from '../lifecycle/write-journal.ts';
import { findRepeatsSteps } from './file-repeats.ts';
import { buildPlan, type PlannedCard } from './import-plan.ts';
import { applyPlan, checkRoomFor } from './import-write.ts';
import { indexPeople, matchCard, type CardMatch, type PeopleIndex } from './match.ts';
import { runSliced } from './sliced.ts';
import type { ImportedCard, ImportProblem } from './types.ts';

export { CONNECTED_ON_LINKEDIN, type PlannedCard } from './import-plan.ts';
const MAX_SESSIONS = 4;

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
      const action = chosen.get(index) ?? defaultAction(card.match, policy);
      // Merging needs someone to merge into (here, or the earlier card a duplicate repeats).
      const into = card.match.matches.length > 0 || card.match.status === 'duplicate';
      return action === 'merge' && !into ? 'create' : action;
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
      const index = indexPeople(await everyDocument(db.contacts));
      for (const [id, person] of index.byId) names.set(id, person.displayName);
      session.format = parsed.format;
      session.problems = parsed.problems;
      if (csv) session.csv = csv;
      if (csv || options.csvMapping) session.bytes = bytes;
      session.cards = await runSliced(planCards(parsed.cards, index), { signal: session.cancellation.signal });
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

/**
 * Parses each card, finds the people the file repeats, then matches each person against the
 * people here: a card with duplicates with all of them merged in, a duplicate not at all (it
 * follows the card it repeats).
 */
function* planCards(cards: readonly ImportedCard[], index: PeopleIndex): Generator<void, PlannedCard[]> {
  const fields: ContactFields[] = [];
  for (const card of cards) {
    fields.push(ContactFields.parse(card.draft));
    yield;
  }
  const repeats = yield* findRepeatsSteps(fields);
  const out: PlannedCard[] = [];
  for (const [position, card] of cards.entries()) {
    const duplicate = repeats.firstOf[position] !== position;
    const match: CardMatch = duplicate
      ? { status: 'duplicate', matches: [], conflictFields: [], action: 'merge' }
      : matchCard(repeats.merged.get(position) ?? fields[position]!, index);
    out.push({
      line: card.line,
      fields: fields[position]!,
      ...(card.connectedOn ? { connectedOn: card.connectedOn } : {}),
      match,
      sameAs: repeats.sameAs[position]!,
    });
    yield;
  }
  return out;
}

function toPreview(session: ImportSession, names: Map<string, string>): ImportPreview {
  const counts = { new: 0, match: 0, conflict: 0, duplicate: 0 };
  const cards: PreviewCard[] = [];
  for (const [index, { line, fields, connectedOn, match, sameAs }] of session.cards.entries()) {
    counts[match.status]++;
    const matches = match.matches.map((m) => ({ ...m, displayName: names.get(m.id) ?? '' }));
    const earlier = sameAs.map((r) => {
      const first = session.cards[r.index]!;
      return { ...r, line: first.line, displayName: first.fields.displayName };
    });
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
      ...(earlier.length ? { sameAs: earlier } : {}),
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

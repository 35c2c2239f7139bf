/**
 * Operations that write more than one document are all or nothing across crashes. Before its
 * first write, an operation records what it is about to do in `<dataDir>/journal/<id>.json`: the
 * ids it will create and the documents it will change or remove, with their records as they were.
 * The record is removed only once every write is in. A record found when the folder opens belongs
 * to an operation that never finished, and is undone by id: the undo needs no memory of the
 * process that died, and running it twice is harmless.
 *
 * An import knows its whole plan first and records it at once (interchange/import-write.ts).
 * Smaller operations (logging with new people or details, quick capture, merging two people,
 * every delete that keeps a copy in the trash, an undo) run inside `journal.operation(…)`, and each
 * area records what it is about to write just before writing it (`journal.expect`); outside an
 * operation, `expect` does nothing: a single write needs no record.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { AreaApis } from '../context.ts';
import type { CollectionName } from '../db/collections.ts';
import type { DetailDocument } from '../details/schema.ts';
import type { InteractionDocument } from '../interactions/schema.ts';
import { NEVER_CANCELLED } from '../jobs/cancellation.ts';
import type { ContactDocument } from '../people/schema.ts';
import type { Projector } from '../projection/projector.ts';
import { writingBackAsItWas } from '../sync/edit-stamps.ts';
import type { Trash } from '../trash/trash.ts';
import { syncFolder, writeFileAtomic } from './atomic-file.ts';
import { filesIn } from './data-folder.ts';
import { lazyObject } from '../../../shared/lazy-schema.ts';

const Ids = z.array(z.string().max(64));
/**
 * Collections undone through the owner each registers with the trash (`registerRestorer`), besides
 * people, interactions and details: those the trash holds documents of, and settings (Done clears
 * a snooze in the same operation as the interaction it logs).
 */
const ELSEWHERE = ['events', 'practice_ladders', 'practice_sessions', 'user_starters', 'settings'] as const;
export type Elsewhere = (typeof ELSEWHERE)[number];
/**
 * A stored document as it was, to be written back whole: including what only sync writes (values
 * set aside, edit stamps) and anything a domain schema would trim, default or refuse, since a
 * record that does not parse is never undone.
 */
const StoredDocument = lazyObject(() => ({ id: z.string().min(1).max(64) })).loose();

export const WriteIntent = lazyObject(() => ({
  id: z.string().regex(/^[a-f0-9-]{36}$/),
  /** What the operation was, for the log line when it is undone: "the import of people.vcf". */
  label: z.string().max(300),
  startedAt: z.iso.datetime(),
  createdPeople: Ids,
  /** The people the operation changes or removes, as they were before. */
  replacedPeople: z.array(StoredDocument),
  createdInteractions: Ids,
  createdDetails: Ids,
  // Records written before merging was journalled have none of these.
  replacedInteractions: z.array(StoredDocument).default([]),
  replacedDetails: z.array(StoredDocument).default([]),
  /** Trash entries (undo tokens) the operation adds. */
  createdTrash: Ids.default([]),
  // Records written before deletes and undos were journalled have none of these.
  /** Trash entries the operation uses up (an undo), as they were. */
  removedTrash: z.array(StoredDocument).default([]),
  /** Events, practice and settings: what a delete removes or an undo writes back, by collection. */
  createdElsewhere: z.partialRecord(z.enum(ELSEWHERE), Ids).default({}),
  replacedElsewhere: z.partialRecord(z.enum(ELSEWHERE), z.array(StoredDocument)).default({}),
}));
export type WriteIntent = z.infer<typeof WriteIntent>;

/** A record with nothing in it yet. */
export const emptyIntent = (id: string, label: string, startedAt: string): WriteIntent => ({
  id,
  label,
  startedAt,
  createdPeople: [],
  replacedPeople: [],
  createdInteractions: [],
  createdDetails: [],
  replacedInteractions: [],
  replacedDetails: [],
  createdTrash: [],
  removedTrash: [],
  createdElsewhere: {},
  replacedElsewhere: {},
});

/** What an area is about to write inside an operation: ids it creates, the documents it changes or removes. */
export type Expected = Partial<
  Pick<WriteIntent, 'createdPeople' | 'createdInteractions' | 'createdDetails' | 'createdTrash'>
> & {
  replacedPeople?: ContactDocument[];
  replacedInteractions?: InteractionDocument[];
  replacedDetails?: DetailDocument[];
  removedTrash?: { id: string }[];
  /** The same by collection, for code that handles any the trash holds (a delete's copies, an undo). */
  createdIn?: Partial<Record<CollectionName, string[]>>;
  replacedIn?: Partial<Record<CollectionName, { id: string }[]>>;
};

/** Who puts an undone operation's documents back; read at undo time, so filled in after the journal is made. */
export interface UndoTargets {
  areas: AreaApis;
  trash: Pick<Trash, 'forget' | 'putBack' | 'undoWrites'>;
  /** Derived data (timelines, last contact) follows the undo before it is over. */
  projection: Pick<Projector, 'flush'>;
}

export interface WriteJournal {
  /** Records the intent durably; call before the first write. */
  begin(intent: WriteIntent): void;
  /** Forgets a finished (or undone) operation. */
  end(id: string): void;
  /** Intents left by operations that never finished. Unreadable records are reported, not guessed at. */
  unfinished(): { intents: WriteIntent[]; unreadable: string[] };
  /**
   * Runs `work` as one operation: undone if it throws, or at the next start if the process dies.
   * An operation started inside another joins it.
   */
  operation<T>(label: string, work: () => Promise<T>): Promise<T>;
  /** Adds to the running operation's record, durably, before the write it describes. */
  expect(expected: Expected): void;
  /** Undoes an operation by its record: what it created goes, what it changed or removed comes back as it was. */
  rollBack(intent: WriteIntent): Promise<void>;
}

export function createWriteJournal(dir: string, clock: Clock, targets: UndoTargets): WriteJournal {
  const path = (id: string) => join(dir, `${id}.json`);
  const running = new AsyncLocalStorage<WriteIntent>();
  // Work an operation started keeps its async context after the operation ends (a timer, a live
  // recomputation): a write there is not part of it, and must not record into it again.
  const finished = new WeakSet<WriteIntent>();
  const current = () => {
    const intent = running.getStore();
    return intent && !finished.has(intent) ? intent : undefined;
  };
  const write = (intent: WriteIntent) => {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(path(intent.id), JSON.stringify(intent));
  };
  const journal: WriteJournal = {
    begin: write,
    end(id) {
      rmSync(path(id), { force: true });
      syncFolder(dir);
    },
    unfinished() {
      const intents: WriteIntent[] = [];
      const unreadable: string[] = [];
      for (const name of filesIn(dir).filter((n) => n.endsWith('.json'))) {
        try {
          intents.push(WriteIntent.parse(JSON.parse(readFileSync(join(dir, name), 'utf8'))));
        } catch {
          unreadable.push(name);
        }
      }
      return { intents, unreadable };
    },
    async operation(label, work) {
      if (current()) return work();
      const intent = emptyIntent(randomUUID(), label, clock.now().toISOString());
      let result: Awaited<ReturnType<typeof work>>;
      try {
        result = await running.run(intent, work);
      } catch (error) {
        finished.add(intent);
        // Nothing recorded means nothing was written. An undo that fails here is left recorded:
        // the next start finishes it.
        if (existsIn(intent)) {
          await journal.rollBack(intent).then(
            () => journal.end(intent.id),
            (undoError: unknown) =>
              console.warn(`[rapport] Undoing ${label} failed; it is undone at the next start:`, undoError),
          );
        }
        throw error;
      }
      finished.add(intent);
      if (existsIn(intent)) journal.end(intent.id);
      return result;
    },
    expect(expected) {
      const intent = current();
      if (!intent) return;
      const { createdIn = {}, replacedIn = {} } = expected;
      const unknown = [...Object.keys(createdIn), ...Object.keys(replacedIn)].filter((name) => !UNDOABLE.has(name));
      if (unknown.length) throw new Error(`The write journal cannot undo writes to ${unknown.join(', ')}`);
      let added =
        addCreated(intent.createdPeople, expected.createdPeople, createdIn.contacts) +
        addCreated(intent.createdInteractions, expected.createdInteractions, createdIn.interactions) +
        addCreated(intent.createdDetails, expected.createdDetails, createdIn.details) +
        addCreated(intent.createdTrash, expected.createdTrash, createdIn.trash) +
        addReplaced(intent.replacedPeople, intent.createdPeople, expected.replacedPeople, replacedIn.contacts) +
        addReplaced(
          intent.replacedInteractions,
          intent.createdInteractions,
          expected.replacedInteractions,
          replacedIn.interactions,
        ) +
        addReplaced(intent.replacedDetails, intent.createdDetails, expected.replacedDetails, replacedIn.details) +
        addReplaced(intent.removedTrash, intent.createdTrash, expected.removedTrash, replacedIn.trash);
      for (const name of ELSEWHERE) {
        if (!createdIn[name]?.length && !replacedIn[name]?.length) continue;
        const created = (intent.createdElsewhere[name] ??= []);
        added += addCreated(created, createdIn[name]);
        added += addReplaced((intent.replacedElsewhere[name] ??= []), created, replacedIn[name]);
      }
      // A write that an earlier record covers already (a delete's copies name what its areas then remove) costs no flush.
      if (added) write(intent);
    },
    async rollBack(intent) {
      const { areas, trash, projection } = targets;
      // Written back as they were: edit stamps and set-aside values included, none added.
      await writingBackAsItWas(async () => {
        await trash.forget(intent.createdTrash);
        await areas.details.removeMany(intent.createdDetails);
        await areas.interactions.removeMany(intent.createdInteractions);
        await areas.people.removeMany(intent.createdPeople);
        await areas.people.putMany(intent.replacedPeople as ContactDocument[], NEVER_CANCELLED);
        await areas.interactions.putMany(intent.replacedInteractions as InteractionDocument[]);
        await areas.details.putMany(intent.replacedDetails as DetailDocument[]);
        for (const name of ELSEWHERE) {
          await trash.undoWrites(name, intent.createdElsewhere[name] ?? [], intent.replacedElsewhere[name] ?? []);
        }
        await trash.putBack(intent.removedTrash);
      });
      await projection.flush();
    },
  };
  const existsIn = (intent: WriteIntent) =>
    [
      intent.createdPeople,
      intent.replacedPeople,
      intent.createdInteractions,
      intent.createdDetails,
      intent.replacedInteractions,
      intent.replacedDetails,
      intent.createdTrash,
      intent.removedTrash,
      ...Object.values(intent.createdElsewhere),
      ...Object.values(intent.replacedElsewhere),
    ].some((list) => list.length > 0);
  return journal;
}

const UNDOABLE = new Set<string>(['contacts', 'interactions', 'details', 'trash', ...ELSEWHERE]);

/** Adds the ids not recorded yet; returns how many. */
function addCreated(recorded: string[], ...lists: (string[] | undefined)[]): number {
  const known = new Set(recorded);
  const added = lists.flatMap((list) => list ?? []).filter((id) => !known.has(id) && known.add(id));
  recorded.push(...added);
  return added.length;
}

/**
 * A document changed twice in one operation goes back to how it was before the first change; one
 * the operation created is removed, not put back.
 */
function addReplaced(
  recorded: { id: string }[],
  created: string[],
  ...lists: ({ id: string }[] | undefined)[]
): number {
  const known = new Set([...recorded.map((d) => d.id), ...created]);
  const added = lists.flatMap((list) => list ?? []).filter((d) => !known.has(d.id) && known.add(d.id));
  recorded.push(...added);
  return added.length;
}

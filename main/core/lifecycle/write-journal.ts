/**
 * Operations that write more than one document are all or nothing across crashes. Before its
 * first write, an operation records what it is about to do in `<dataDir>/journal/<id>.json`: the
 * ids it will create and the people it will change, with their records as they were. The record
 * is removed only once every write is in. A record found when the folder opens belongs to an
 * operation that never finished, and is undone by id: the undo needs no memory of the process
 * that died, and running it twice is harmless.
 *
 * An import knows its whole plan first and records it at once (interchange/import-write.ts).
 * Smaller operations (logging with new people or details, quick capture) run inside
 * `journal.operation(…)`, and each area records what it is about to write just before writing
 * it (`journal.expect`); outside an operation, `expect` does nothing: a single write needs no record.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Contact } from '../../../shared/domain/contact.ts';
import type { Clock } from '../clock.ts';
import type { AreaApis } from '../context.ts';
import { NEVER_CANCELLED } from '../jobs/cancellation.ts';
import type { ContactDocument } from '../people/schema.ts';
import { syncFolder, writeFileAtomic } from './atomic-file.ts';
import { filesIn } from './data-folder.ts';

const Ids = z.array(z.string().max(64));

export const WriteIntent = z.object({
  id: z.string().regex(/^[a-f0-9-]{36}$/),
  /** What the operation was, for the log line when it is undone: "the import of people.vcf". */
  label: z.string().max(300),
  startedAt: z.iso.datetime(),
  createdPeople: Ids,
  /**
   * The people the operation changes, as they were before: whole records, including what only
   * sync writes (values set aside, edit stamps), which a strict parse would drop.
   */
  replacedPeople: z.array(Contact.loose()),
  createdInteractions: Ids,
  createdDetails: Ids,
});
export type WriteIntent = z.infer<typeof WriteIntent>;

/** What an area is about to write inside an operation. */
export type Expected = Partial<Pick<WriteIntent, 'createdPeople' | 'createdInteractions' | 'createdDetails'>> & {
  replacedPeople?: ContactDocument[];
};

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
}

/** `areas` is read when an operation is undone, so it may be filled in after this is made. */
export function createWriteJournal(dir: string, clock: Clock, areas: AreaApis): WriteJournal {
  const path = (id: string) => join(dir, `${id}.json`);
  const running = new AsyncLocalStorage<WriteIntent>();
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
      if (running.getStore()) return work();
      const intent: WriteIntent = {
        id: randomUUID(),
        label,
        startedAt: clock.now().toISOString(),
        createdPeople: [],
        replacedPeople: [],
        createdInteractions: [],
        createdDetails: [],
      };
      let result: Awaited<ReturnType<typeof work>>;
      try {
        result = await running.run(intent, work);
      } catch (error) {
        // Nothing recorded means nothing was written. An undo that fails here is left recorded:
        // the next start finishes it.
        if (existsIn(intent)) {
          await rollBack(areas, intent).then(
            () => journal.end(intent.id),
            (undoError: unknown) =>
              console.warn(`[rapport] Undoing ${label} failed; it is undone at the next start:`, undoError),
          );
        }
        throw error;
      }
      if (existsIn(intent)) journal.end(intent.id);
      return result;
    },
    expect(expected) {
      const intent = running.getStore();
      if (!intent) return;
      const known = new Set(intent.replacedPeople.map((p) => p.id));
      intent.createdPeople.push(...(expected.createdPeople ?? []));
      // A person changed twice in one operation goes back to how they were before the first change.
      intent.replacedPeople.push(...(expected.replacedPeople ?? []).filter((p) => !known.has(p.id)));
      intent.createdInteractions.push(...(expected.createdInteractions ?? []));
      intent.createdDetails.push(...(expected.createdDetails ?? []));
      write(intent);
    },
  };
  const existsIn = (intent: WriteIntent) =>
    intent.createdPeople.length +
      intent.replacedPeople.length +
      intent.createdInteractions.length +
      intent.createdDetails.length >
    0;
  return journal;
}

/** Undoes an operation by id: what it created goes, the people it changed get their old record back. */
export async function rollBack(areas: AreaApis, intent: WriteIntent): Promise<void> {
  await areas.details.removeMany(intent.createdDetails);
  await areas.interactions.removeMany(intent.createdInteractions);
  await areas.people.removeMany(intent.createdPeople);
  await areas.people.putMany(intent.replacedPeople as ContactDocument[], NEVER_CANCELLED);
}

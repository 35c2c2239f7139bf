/**
 * Imports are all or nothing across crashes. Before its first write, an import records what it
 * is about to do in `<dataDir>/imports/<id>.json`: the ids it will create and the people it will
 * replace, with their records as they were. The record is removed only once every write is in.
 * A record found when the folder opens belongs to an import that never finished, and is undone
 * by id: the undo needs no memory of the process that died, and running it twice is harmless.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Contact } from '../../../shared/domain/contact.ts';
import type { AreaApis } from '../context.ts';
import { syncFolder, writeFileAtomic } from '../lifecycle/atomic-file.ts';
import { filesIn } from '../lifecycle/data-folder.ts';
import { NEVER_CANCELLED } from '../jobs/cancellation.ts';
import type { ContactDocument } from '../people/schema.ts';
import { mkdirSync } from 'node:fs';

export const ImportIntent = z.object({
  id: z.string().regex(/^[a-f0-9-]{36}$/),
  fileName: z.string().max(300),
  startedAt: z.iso.datetime(),
  createdPeople: z.array(z.string().max(64)),
  /** The people the import merges into, as they were before. */
  replacedPeople: z.array(Contact),
  createdInteractions: z.array(z.string().max(64)),
});
export type ImportIntent = z.infer<typeof ImportIntent>;

export interface ImportJournal {
  /** Records the intent durably; call before the first write. */
  begin(intent: ImportIntent): void;
  /** Forgets a finished (or undone) import. */
  end(id: string): void;
  /** Intents left by imports that never finished. Unreadable records are reported, not guessed at. */
  unfinished(): { intents: ImportIntent[]; unreadable: string[] };
}

export function createImportJournal(dir: string): ImportJournal {
  const path = (id: string) => join(dir, `${id}.json`);
  return {
    begin(intent) {
      mkdirSync(dir, { recursive: true });
      writeFileAtomic(path(intent.id), JSON.stringify(intent));
    },
    end(id) {
      rmSync(path(id), { force: true });
      syncFolder(dir);
    },
    unfinished() {
      const intents: ImportIntent[] = [];
      const unreadable: string[] = [];
      for (const name of filesIn(dir).filter((n) => n.endsWith('.json'))) {
        try {
          intents.push(ImportIntent.parse(JSON.parse(readFileSync(join(dir, name), 'utf8'))));
        } catch {
          unreadable.push(name);
        }
      }
      return { intents, unreadable };
    },
  };
}

/** Undoes an import by id: its new people and interactions go, replaced people get their old record back. */
export async function rollBack(areas: AreaApis, intent: ImportIntent): Promise<void> {
  await areas.interactions.removeMany(intent.createdInteractions);
  await areas.people.removeMany(intent.createdPeople);
  await areas.people.putMany(intent.replacedPeople as ContactDocument[], NEVER_CANCELLED);
}

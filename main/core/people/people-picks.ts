/**
 * Person pickers' answers (`people.pick`, `people.refs`), served from the rows the People windows
 * already hold in memory (people-windows.ts): a keystroke reads no collection and sends only the
 * matches. Each person's name is folded once and kept with their row in a list of candidates,
 * which is made again (reusing the folds of unchanged rows) only after a row changed.
 */
import { foldName, pickPeople, type PickCandidate } from '../../../shared/domain/people/rank-people.ts';
import type { PickedPerson, PersonRefView } from '../../../shared/ipc/channels/people.ts';
import type { PersonIndexDocument } from '../projection/schema.ts';
import type { PeopleWindows } from './people-windows.ts';

export interface PickRequest {
  q: string;
  limit: number;
  exclude: readonly string[];
  prefer: readonly string[];
  includeArchived: boolean;
}

interface Candidate extends PickCandidate {
  readonly row: PersonIndexDocument;
}

export interface PeoplePicks {
  pick(request: PickRequest): Promise<{ matches: PickedPerson[]; ambiguous: boolean }>;
  refs(ids: readonly string[]): Promise<PersonRefView[]>;
}

const picked = (row: PersonIndexDocument): PickedPerson => ({
  id: row.id,
  displayName: row.displayName,
  ...(row.organisation ? { organisation: row.organisation } : {}),
  ...(row.lastInteractionOn ? { lastInteractionOn: row.lastInteractionOn } : {}),
});

const candidateOf = (row: PersonIndexDocument): Candidate => {
  const { id, displayName, sortName, lastInteractionOn } = row;
  return { id, displayName, sortName, lastInteractionOn, name: foldName(displayName), row };
};

export function createPeoplePicks(windows: PeopleWindows): PeoplePicks {
  let built: { revision: number; active: Candidate[]; all: Candidate[] } | undefined;
  let byId = new Map<string, Candidate>();

  async function candidates(includeArchived: boolean): Promise<Candidate[]> {
    const { rows, revision } = await windows.rows();
    if (built?.revision !== revision) {
      const next = new Map<string, Candidate>();
      const active: Candidate[] = [];
      const all: Candidate[] = [];
      for (const row of rows.values()) {
        const kept = byId.get(row.id);
        const candidate = kept?.row === row ? kept : candidateOf(row);
        next.set(row.id, candidate);
        all.push(candidate);
        if (!row.archived) active.push(candidate);
      }
      byId = next;
      built = { revision, active, all };
    }
    return includeArchived ? built.all : built.active;
  }

  return {
    async pick({ q, limit, exclude, prefer, includeArchived }) {
      const { matches, ambiguous } = pickPeople(await candidates(includeArchived), q, {
        exclude: new Set(exclude),
        prefer,
        limit,
      });
      return { matches: matches.map((m) => picked(m.row)), ambiguous };
    },
    async refs(ids) {
      const { rows } = await windows.rows();
      return [...new Set(ids)].flatMap((id) => {
        const row = rows.get(id);
        return row ? [{ ...picked(row), archived: row.archived }] : [];
      });
    },
  };
}

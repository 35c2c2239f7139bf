/**
 * Person pickers' answers (`people.pick`, `people.refs`), served from the rows the People windows
 * already hold in memory (people-windows.ts): a keystroke reads no collection and sends only the
 * matches. Each person's name is folded once and kept with their row; a changed row is a new
 * object, so its fold is made again on the next pick.
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

export function createPeoplePicks(windows: PeopleWindows): PeoplePicks {
  const candidates = new WeakMap<PersonIndexDocument, Candidate>();
  const candidateOf = (row: PersonIndexDocument): Candidate => {
    let candidate = candidates.get(row);
    if (!candidate) {
      const { id, displayName, sortName, lastInteractionOn } = row;
      candidate = { id, displayName, sortName, lastInteractionOn, name: foldName(displayName), row };
      candidates.set(row, candidate);
    }
    return candidate;
  };
  function* eligible(rows: ReadonlyMap<string, PersonIndexDocument>, includeArchived: boolean) {
    for (const row of rows.values()) if (includeArchived || !row.archived) yield candidateOf(row);
  }

  return {
    async pick({ q, limit, exclude, prefer, includeArchived }) {
      const rows = await windows.rows();
      const { matches, ambiguous } = pickPeople(eligible(rows, includeArchived), q, {
        exclude: new Set(exclude),
        prefer,
        limit,
      });
      return { matches: matches.map((m) => picked(m.row)), ambiguous };
    },
    async refs(ids) {
      const rows = await windows.rows();
      return [...new Set(ids)].flatMap((id) => {
        const row = rows.get(id);
        return row ? [{ ...picked(row), archived: row.archived }] : [];
      });
    },
  };
}

/**
 * The index's rows as a keystroke reads them, kept in memory until the index next changes.
 *
 * Keystrokes read the same rows again and again: "b", "bi", "bis" score many of the same people
 * and show many of the same hits. Reading a row from SQLite and splitting its folded text costs
 * more than scoring it, so rows already read (split into candidates), the original texts of hits
 * shown and names are kept, keyed by the index's own row ids. Everything is forgotten at once when
 * the index changes (any write through the store, whoever made it: `FtsStore.changes`), so what
 * is kept is always what SQLite would answer; each kind is bounded, and emptied when full.
 */
import { interactionCandidate, personCandidate, type IndexedInteraction, type IndexedPerson } from './folded.ts';
import type { FtsStore, InteractionFields, PersonFields } from './fts-store.ts';

/** Candidates kept per kind: every person of a large network, the interactions of many keystrokes. */
const MAX_ROWS = 20_000;
/** Original texts and names kept per kind: the hits of many keystrokes. */
const MAX_SHOWN = 2_000;

export type PersonShown = { name: string; fields: PersonFields };
export type InteractionShown = { personIds: string[]; fields: InteractionFields };

export interface IndexReads {
  /** The change count of the index the kept rows were read from (`FtsStore.changes`). */
  readonly changes: number;
  people(rowids: readonly number[]): IndexedPerson[];
  interactions(rowids: readonly number[]): IndexedInteraction[];
  peopleShown(ids: readonly string[]): Map<string, PersonShown>;
  interactionsShown(ids: readonly string[]): Map<string, InteractionShown>;
  /** Names by person id; '' for an id the index does not hold. */
  namesOf(ids: readonly string[]): Map<string, string>;
}

export function createIndexReads(store: FtsStore): IndexReads {
  let changes = store.changes;
  const people = new Map<number, IndexedPerson>();
  const interactions = new Map<number, IndexedInteraction>();
  const peopleShown = new Map<string, PersonShown>();
  const interactionsShown = new Map<string, InteractionShown>();
  const names = new Map<string, string>();
  const kinds = [people, interactions, peopleShown, interactionsShown, names];
  const current = () => {
    if (store.changes === changes) return;
    for (const kind of kinds) kind.clear();
    changes = store.changes;
  };

  /** `wanted` from `kept`, reading the missing ones with `read` (which returns [key, value] pairs). */
  function through<K, V>(
    kept: Map<K, V>,
    max: number,
    wanted: readonly K[],
    read: (missing: K[]) => Iterable<readonly [K, V]>,
  ): Map<K, V> {
    current();
    let missing = wanted.filter((key) => !kept.has(key));
    if (missing.length && kept.size + missing.length > max) {
      kept.clear();
      missing = [...wanted];
    }
    if (missing.length) for (const [key, value] of read(missing)) kept.set(key, value);
    const out = new Map<K, V>();
    for (const key of wanted) {
      const value = kept.get(key);
      if (value !== undefined) out.set(key, value);
    }
    return out;
  }

  return {
    get changes() {
      current();
      return changes;
    },
    people: (rowids) => [
      ...through(people, MAX_ROWS, rowids, (missing) =>
        store.peopleByRowid(missing).map((row) => [row.rowid, personCandidate(row)] as const),
      ).values(),
    ],
    interactions: (rowids) => [
      ...through(interactions, MAX_ROWS, rowids, (missing) =>
        store.interactionsByRowid(missing).map((row) => [row.rowid, interactionCandidate(row)] as const),
      ).values(),
    ],
    peopleShown: (ids) => through(peopleShown, MAX_SHOWN, ids, (missing) => store.peopleShown(missing)),
    interactionsShown: (ids) =>
      through(interactionsShown, MAX_SHOWN, ids, (missing) => store.interactionsShown(missing)),
    namesOf: (ids) =>
      through(names, MAX_SHOWN, ids, (missing) => {
        const found = store.namesOf(missing);
        return missing.map((id) => [id, found.get(id) ?? ''] as const);
      }),
  };
}

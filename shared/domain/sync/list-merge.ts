import { canonical, sameValue } from './canonical.ts';

/**
 * Three-way merges of lists. `base` is the last state both devices agreed on (RxDB's assumed
 * master state); `local` and `remote` are the two edited versions.
 */

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * A list merged by value (tags, emails, phones, social profiles): an entry one side added is
 * kept, an entry one side removed is removed, everything else stays. Entries are compared whole,
 * so an email whose label was changed on both devices appears twice rather than losing a label.
 * Order: the local order, then what only the remote added.
 */
export function mergeSet(base: unknown, local: unknown, remote: unknown): unknown[] {
  const inBase = new Set(asList(base).map(canonical));
  const inLocal = new Set(asList(local).map(canonical));
  const inRemote = new Set(asList(remote).map(canonical));
  const seen = new Set<string>();
  const merged: unknown[] = [];
  const keep = (item: unknown, presentOnOtherSide: boolean) => {
    const key = canonical(item);
    if (seen.has(key)) return;
    // In base and missing on the other side means the other side removed it.
    if (inBase.has(key) && !presentOnOtherSide) return;
    seen.add(key);
    merged.push(item);
  };
  for (const item of asList(local)) keep(item, inRemote.has(canonical(item)));
  for (const item of asList(remote)) keep(item, inLocal.has(canonical(item)));
  return merged;
}

export interface KeyedItemConflict {
  key: string;
  /** The item that lost and which side it came from. */
  loser: unknown;
  loserSide: 'local' | 'remote';
}

/**
 * A list of records with their own identity (ladder steps by `id`). Items are merged by key: an
 * item added or edited on either side is kept, even when the other side removed it (an edit beats
 * a removal, so nothing typed disappears); an item removed on one side and untouched on the other
 * goes. When both sides changed the same item, `pickLocal` decides and the loser is reported.
 */
export function mergeKeyed(
  base: unknown,
  local: unknown,
  remote: unknown,
  keyOf: (item: unknown) => string,
  pickLocal: () => boolean,
): { merged: unknown[]; conflicts: KeyedItemConflict[] } {
  const byKey = (list: unknown) => new Map(asList(list).map((item) => [keyOf(item), item] as const));
  const b = byKey(base);
  const l = byKey(local);
  const r = byKey(remote);
  const conflicts: KeyedItemConflict[] = [];
  const resolve = (key: string): { keep: boolean; item?: unknown } => {
    const [bi, li, ri] = [b.get(key), l.get(key), r.get(key)];
    if (li !== undefined && ri !== undefined) {
      if (sameValue(li, ri) || (bi !== undefined && sameValue(bi, ri))) return { keep: true, item: li };
      if (bi !== undefined && sameValue(bi, li)) return { keep: true, item: ri };
      const localWins = pickLocal();
      conflicts.push({ key, loser: localWins ? ri : li, loserSide: localWins ? 'remote' : 'local' });
      return { keep: true, item: localWins ? li : ri };
    }
    const present = li ?? ri;
    // Only one side has it: added there, or removed on the other side.
    if (bi === undefined || !sameValue(bi, present)) return { keep: true, item: present };
    return { keep: false };
  };
  const merged: unknown[] = [];
  for (const key of [...l.keys(), ...[...r.keys()].filter((k) => !l.has(k))]) {
    const outcome = resolve(key);
    if (outcome.keep) merged.push(outcome.item);
  }
  return { merged, conflicts };
}

import { canonical, isEmptyValue, sameValue } from './canonical.ts';
import { conflictId, type SyncConflict } from './conflict-record.ts';
import { mergeKeyed, mergeSet } from './list-merge.ts';

/**
 * Field-level three-way merge of two versions of one document, driven by a per-collection policy.
 * Pure: the times it compares are the documents' own edit stamps, never the clock.
 */

export type Doc = Record<string, unknown>;

export type FieldRule =
  /** One value: the side that changed it wins; both changed: the newest edit wins, the other is set aside. */
  | { kind: 'value' }
  /** Like `value`, but the losing value is not set aside (choices and housekeeping, not typing). */
  | { kind: 'latest' }
  /** A list merged by value (see mergeSet). */
  | { kind: 'set' }
  /** A list of records merged by key; both changed one item: newest wins, the other item is set aside. */
  | { kind: 'keyed'; key: (item: unknown) => string }
  /** An object merged key by key, newest wins per key (settings). */
  | { kind: 'per-key' }
  /** `value`, except that `wins` beats anything ("resolved on either side stays resolved"). */
  | { kind: 'sticky'; wins: unknown }
  /** The later of the two ISO instants (`updatedAt`). */
  | { kind: 'max' }
  /** The earlier of the two ISO instants (`createdAt`). */
  | { kind: 'min' }
  /** Computed from other fields or other collections; taken from the newer side, then `finalize` recomputes. */
  | { kind: 'derived' };

export interface MergePolicy {
  fields: Readonly<Record<string, FieldRule>>;
  /** The rule for fields the policy doesn't name, such as fields a newer version added. */
  otherFields: FieldRule;
  /** Where set-aside values go (`conflicts`); without it a losing value is dropped. */
  conflictsField?: string;
  /** A per-field map of edit instants (`editedAt: { notes: '…' }`); falls back to `updatedAtField`. */
  editedAtField?: string;
  updatedAtField: string;
  /** Recomputes derived fields from the merged document (e.g. `sortName` from `displayName`). */
  finalize?: (doc: Doc) => Doc;
}

export interface MergeInput {
  /** The version both sides started from; absent when they never agreed on one. */
  base?: Doc;
  local: Doc;
  remote: Doc;
}

const EPOCH = '1970-01-01T00:00:00.000Z';

/** The instant a side last edited `field`: its per-field stamp, else the document's `updatedAt`. */
export function editTime(policy: MergePolicy, side: Doc, field: string): string {
  const stamps = policy.editedAtField ? (side[policy.editedAtField] as Record<string, string> | undefined) : undefined;
  const stamp = stamps?.[field] ?? side[policy.updatedAtField];
  return typeof stamp === 'string' ? stamp : EPOCH;
}

/** Whether the local side's edit of `field` is the newest; ties go to the larger value, so both devices agree. */
function localIsNewer(policy: MergePolicy, local: Doc, remote: Doc, field: string, lv: unknown, rv: unknown) {
  const lt = editTime(policy, local, field);
  const rt = editTime(policy, remote, field);
  return lt !== rt ? lt > rt : canonical(lv) >= canonical(rv);
}

/** Merges the fields of `local` and `remote` against `base`. `_deleted` is left to resolveConflict. */
export function mergeDocuments(policy: MergePolicy, input: MergeInput): Doc {
  const base = input.base ?? {};
  const { local, remote } = input;
  const setAside: SyncConflict[] = [];
  const merged: Doc = {};
  const special = new Set([policy.conflictsField, policy.editedAtField].filter(Boolean));
  const fields = new Set([...Object.keys(local), ...Object.keys(remote)]);

  for (const field of fields) {
    if (field.startsWith('_') || special.has(field)) continue;
    const rule = policy.fields[field] ?? policy.otherFields;
    const [bv, lv, rv] = [base[field], local[field], remote[field]];
    const value = mergeField(policy, rule, field, { bv, lv, rv, local, remote }, setAside);
    if (value !== undefined) merged[field] = value;
  }

  if (policy.editedAtField) merged[policy.editedAtField] = mergeStamps(local, remote, policy.editedAtField);
  if (policy.conflictsField) {
    const previous = mergeSet(base[policy.conflictsField], local[policy.conflictsField], remote[policy.conflictsField]);
    const ids = new Set(previous.map((c) => (c as SyncConflict).id));
    const fresh = setAside.filter((c) => !ids.has(c.id));
    merged[policy.conflictsField] = [...previous, ...fresh];
  }
  return policy.finalize ? policy.finalize(merged) : merged;
}

interface Sides {
  bv: unknown;
  lv: unknown;
  rv: unknown;
  local: Doc;
  remote: Doc;
}

function mergeField(policy: MergePolicy, rule: FieldRule, field: string, s: Sides, setAside: SyncConflict[]) {
  switch (rule.kind) {
    case 'set':
      return mergeSet(s.bv, s.lv, s.rv);
    case 'keyed': {
      const pickLocal = () => localIsNewer(policy, s.local, s.remote, field, s.lv, s.rv);
      const { merged, conflicts } = mergeKeyed(s.bv, s.lv, s.rv, rule.key, pickLocal);
      for (const c of conflicts) {
        const editedAt = editTime(policy, c.loserSide === 'local' ? s.local : s.remote, field);
        setAside.push({ id: conflictId(field, editedAt, c.key), field, value: c.loser, editedAt, itemKey: c.key });
      }
      return merged;
    }
    case 'per-key':
      return mergePerKey(policy, field, s);
    case 'max':
      return [s.lv, s.rv]
        .filter((v): v is string => typeof v === 'string')
        .sort()
        .at(-1);
    case 'min':
      return [s.lv, s.rv].filter((v): v is string => typeof v === 'string').sort()[0];
    case 'sticky':
      if (sameValue(s.lv, rule.wins) || sameValue(s.rv, rule.wins)) return rule.wins;
      return mergeValue(policy, field, s, setAside);
    case 'value':
      return mergeValue(policy, field, s, setAside);
    case 'latest':
    case 'derived':
      return mergeValue(policy, field, s, null);
  }
}

/** Three-way merge of one value; `setAside` null means the losing value is not kept. */
function mergeValue(policy: MergePolicy, field: string, s: Sides, setAside: SyncConflict[] | null): unknown {
  if (sameValue(s.lv, s.rv) || sameValue(s.bv, s.rv)) return s.lv;
  if (sameValue(s.bv, s.lv)) return s.rv;
  const localWins = localIsNewer(policy, s.local, s.remote, field, s.lv, s.rv);
  const loser = localWins ? s.rv : s.lv;
  if (setAside && policy.conflictsField && !isEmptyValue(loser)) {
    const editedAt = editTime(policy, localWins ? s.remote : s.local, field);
    setAside.push({ id: conflictId(field, editedAt), field, value: loser, editedAt });
  }
  return localWins ? s.lv : s.rv;
}

function mergePerKey(policy: MergePolicy, field: string, s: Sides): Doc {
  const asObject = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Doc) : {});
  const [b, l, r] = [asObject(s.bv), asObject(s.lv), asObject(s.rv)];
  const merged: Doc = {};
  for (const key of new Set([...Object.keys(l), ...Object.keys(r), ...Object.keys(b)])) {
    const sides = { ...s, bv: b[key], lv: l[key], rv: r[key] };
    const value = mergeValue(policy, `${field}.${key}`, sides, null);
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

function mergeStamps(local: Doc, remote: Doc, field: string): Record<string, string> {
  const merged: Record<string, string> = { ...((local[field] as Record<string, string>) ?? {}) };
  for (const [key, stamp] of Object.entries((remote[field] as Record<string, string>) ?? {})) {
    if (!merged[key] || stamp > merged[key]) merged[key] = stamp;
  }
  return merged;
}

import type { Doc, FieldRule, MergePolicy } from './merge.ts';

/**
 * The conflict rule of each synced collection. Every policy that keeps set-aside values needs a
 * `conflicts` array and an `editedAt` map (field → ISO instant of its last edit) in the schema;
 * see docs/sync.md ("Conflict rules").
 */

const value: FieldRule = { kind: 'value' };
const latest: FieldRule = { kind: 'latest' };
const set: FieldRule = { kind: 'set' };
const derived: FieldRule = { kind: 'derived' };
const bookkeeping = { createdAt: { kind: 'min' }, updatedAt: { kind: 'max' } } as const satisfies Record<
  string,
  FieldRule
>;
const withConflicts = { conflictsField: 'conflicts', editedAtField: 'editedAt', updatedAtField: 'updatedAt' } as const;

/** People: field-level merge; lists by value; both edited one field: newest wins, the other is kept. */
export const peoplePolicy: MergePolicy = {
  ...withConflicts,
  otherFields: value,
  fields: {
    ...bookkeeping,
    emails: set,
    phones: set,
    addresses: set,
    social: set,
    tags: set,
    extensions: set,
    /** One entry per related person and kind: added on either device, kept; its label merges as a value. */
    relationships: {
      kind: 'keyed',
      key: (r) => `${String((r as { contactId?: unknown }).contactId)}|${String((r as { kind?: unknown }).kind)}`,
    },
    archived: latest,
    tier: latest,
  },
};

/**
 * Interactions: field merge; the people in it and the favours given or asked are sets.
 * `sortKey` is derived: pass the core's `interactionSortKey` as `finalize` when wiring.
 */
export function interactionsPolicy(finalize?: (doc: Doc) => Doc): MergePolicy {
  return {
    ...withConflicts,
    otherFields: value,
    fields: { ...bookkeeping, contactIds: set, gave: set, asked: set, mutual: latest, sortKey: derived },
    ...(finalize ? { finalize } : {}),
  };
}

/** Details: field merge, and a detail resolved on either device stays resolved. */
export const detailsPolicy: MergePolicy = {
  ...withConflicts,
  otherFields: value,
  fields: { ...bookkeeping, status: { kind: 'sticky', wins: 'resolved' }, sensitivity: latest },
};

/** Settings: one document per area; inside `value`, each key is merged on its own, newest wins. */
export const settingsPolicy: MergePolicy = {
  updatedAtField: 'updatedAt',
  editedAtField: 'editedAt',
  otherFields: latest,
  fields: { value: { kind: 'per-key' }, updatedAt: { kind: 'max' } },
};

/** Ladders: steps merged by id, so a step added, edited or kept on either device is never dropped. */
export const laddersPolicy: MergePolicy = {
  ...withConflicts,
  otherFields: value,
  fields: { ...bookkeeping, steps: { kind: 'keyed', key: (step) => String((step as { id?: unknown }).id) } },
};

/** Practice sessions: field merge; a session is never dropped (an edit beats a delete, see resolveConflict). */
export const sessionsPolicy: MergePolicy = {
  ...withConflicts,
  otherFields: value,
  fields: { ...bookkeeping, status: { kind: 'sticky', wins: 'done' } },
};

/** The user's own conversation starters: plain field merge. */
export const userStartersPolicy: MergePolicy = { ...withConflicts, otherFields: value, fields: { ...bookkeeping } };

/** Events: field merge; people marked going on either device stay marked, sessions merge by value. */
export const eventsPolicy: MergePolicy = {
  ...withConflicts,
  otherFields: value,
  fields: { ...bookkeeping, going: set, sessions: set, organisations: set, tags: set },
};

import { sameValue } from './canonical.ts';
import { mergeDocuments, type Doc, type MergeInput, type MergePolicy } from './merge.ts';

/**
 * Resolves a sync conflict between this device's version (`local`) and the server's (`remote`),
 * both carrying `_deleted`, against the version both started from (`base`).
 *
 * Delete against edit: **an edit beats a delete.** When one side deleted the document and the
 * other side changed any typed field since `base`, the document stays, with both sides' edits
 * merged. A delete wins only against a document the other side left untouched (derived fields
 * such as `lastInteractionOn` don't count as touching it). Both deleted: it stays deleted.
 * Without a `base` the sides never agreed on a version, so nothing is deleted.
 */
export function resolveConflict(policy: MergePolicy, input: MergeInput): Doc {
  const { base, local, remote } = input;
  const localDeleted = local._deleted === true;
  const remoteDeleted = remote._deleted === true;
  if (localDeleted && remoteDeleted) return { ...remote, _deleted: true };
  if (localDeleted !== remoteDeleted && base && base._deleted !== true) {
    const survivor = localDeleted ? remote : local;
    if (sameTypedContent(policy, survivor, base)) return { ...(localDeleted ? local : remote), _deleted: true };
  }
  return { ...mergeDocuments(policy, input), _deleted: false };
}

/** Equal in every field except derived ones, bookkeeping (`updatedAt`, `editedAt`) and `_`-fields. */
export function sameTypedContent(policy: MergePolicy, a: Doc, b: Doc): boolean {
  const ignored = new Set([policy.updatedAtField, policy.editedAtField]);
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (field.startsWith('_') || ignored.has(field)) continue;
    if ((policy.fields[field] ?? policy.otherFields).kind === 'derived') continue;
    if (!sameValue(a[field], b[field])) return false;
  }
  return true;
}

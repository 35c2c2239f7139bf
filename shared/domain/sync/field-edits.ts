import { sameValue } from './canonical.ts';

/**
 * Keeps a document's per-field edit stamps (`editedAt`) current, so a sync merge can tell which
 * device edited a field last. Call it on every write a person makes (not on derived updates):
 * it stamps each top-level field whose value changed, including removed ones, with `now`. A new
 * document gets no stamps: until a field is edited, its edit time is the document's `updatedAt`.
 */
export function stampFieldEdits<T extends Record<string, unknown>>(
  previous: Record<string, unknown> | undefined,
  next: T,
  now: string,
  ignore: readonly string[] = ['id', 'updatedAt', 'createdAt', 'editedAt', 'conflicts'],
): T & { editedAt: Record<string, string> } {
  const stamps: Record<string, string> = { ...((previous?.editedAt as Record<string, string>) ?? {}) };
  const fields = new Set([...Object.keys(previous ?? {}), ...Object.keys(next)]);
  for (const field of fields) {
    if (field.startsWith('_') || ignore.includes(field)) continue;
    if (previous && !sameValue(previous[field], next[field])) stamps[field] = now;
  }
  return { ...next, editedAt: stamps };
}

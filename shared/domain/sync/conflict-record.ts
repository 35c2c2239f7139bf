import { z } from 'zod';
import { IsoInstant } from '../contact.ts';
import { lazyObject } from '../../lazy-schema.ts';

/**
 * What a sync merge set aside: when two devices changed the same field, the newest edit wins and
 * the other value is kept here, on the document itself, so the person page can show it and put it
 * back. Stored in the document's `conflicts` array, which syncs like any other list.
 */
export const SyncConflict = lazyObject(() => ({
  /** Stable within the document: `<field>@<editedAt>`, or `<field>/<item key>@<editedAt>` for list items. */
  id: z.string().min(1).max(400),
  /** The top-level field the value belongs to (`notes`, `phones`, `steps`, …). */
  field: z.string().min(1).max(100),
  /** The value that lost. For a keyed list (ladder steps), the one item that lost. */
  value: z.unknown(),
  /** When the losing value was typed (the losing side's edit time). */
  editedAt: IsoInstant,
  /** Set for keyed-list items: the item's key within the list. */
  itemKey: z.string().max(200).optional(),
}));
export type SyncConflict = z.infer<typeof SyncConflict>;

export const SyncConflicts = z.array(SyncConflict).max(500);

export function conflictId(field: string, editedAt: string, itemKey?: string): string {
  return itemKey === undefined ? `${field}@${editedAt}` : `${field}/${itemKey}@${editedAt}`;
}

type WithConflicts = { conflicts?: SyncConflict[] } & Record<string, unknown>;

/** Removes a conflict record once the user has looked at it and kept the current value. */
export function dismissConflict<T extends WithConflicts>(doc: T, id: string): T {
  return { ...doc, conflicts: (doc.conflicts ?? []).filter((c) => c.id !== id) };
}

/**
 * Puts the set-aside value back and drops the record. For a keyed-list item the item replaces
 * the one with the same key (or is appended when that item is gone). Throws when `id` is unknown.
 * The caller stamps `updatedAt`/`editedAt` as for any edit.
 */
export function restoreConflict<T extends WithConflicts>(doc: T, id: string, keyOf?: (item: unknown) => string): T {
  const record = (doc.conflicts ?? []).find((c) => c.id === id);
  if (!record) throw new Error(`No set-aside value with id "${id}" on this document`);
  const rest = dismissConflict(doc, id);
  if (record.itemKey === undefined) return { ...rest, [record.field]: record.value };
  if (!keyOf) throw new Error(`Restoring an item of "${record.field}" needs the list's key function`);
  const list = Array.isArray(doc[record.field]) ? (doc[record.field] as unknown[]) : [];
  const at = list.findIndex((item) => keyOf(item) === record.itemKey);
  const next = at === -1 ? [...list, record.value] : list.map((item, i) => (i === at ? record.value : item));
  return { ...rest, [record.field]: next };
}

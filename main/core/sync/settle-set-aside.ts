/**
 * Settling a value a sync merge set aside (docs/sync.md, "Conflict rules"): "use" puts it back,
 * "dismiss" keeps the current value and forgets the other. Each owning area writes the result to
 * its own collection; this only decides what the document becomes.
 */
import type { ZodType } from 'zod';
import { dismissConflict, restoreConflict } from '../../../shared/domain/sync/conflict-record.ts';
import type { SyncConflict } from '../../../shared/domain/sync/conflict-record.ts';
import { AppError } from '../../../shared/ipc/result.ts';

export type SettleChoice = 'use' | 'dismiss';

/**
 * @param keyOf for a keyed list (a ladder's steps): the key of an item, so one item goes back in place.
 * @param schema what a document of this kind must satisfy: a value from another device is checked
 *   like anything typed here before it goes back, and refused with its field named.
 * @throws AppError `not_found` when the record is gone (another device settled it), `invalid_input`
 *   when the value can't be used; the document is then left as it was.
 */
export function settledDocument<T extends { conflicts?: SyncConflict[] } & Record<string, unknown>>(
  current: T,
  conflictId: string,
  choice: SettleChoice,
  schema: ZodType,
  keyOf?: (item: unknown) => string,
): T {
  const record = current.conflicts?.find((c) => c.id === conflictId);
  if (!record) {
    throw new AppError('not_found', 'That set-aside value is no longer there; another device may have settled it.');
  }
  const settled = choice === 'use' ? restoreConflict(current, conflictId, keyOf) : dismissConflict(current, conflictId);
  const valid = schema.safeParse(settled);
  if (!valid.success) {
    throw new AppError(
      'invalid_input',
      `The set-aside ${record.field} cannot be used: ${valid.error.issues[0]?.message}`,
    );
  }
  return settled;
}

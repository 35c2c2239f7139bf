/**
 * zod schemas for the documents of each source collection as they appear in an archive. The
 * domain schemas are reused, so an archive is held to the same rules (and length limits) as the
 * services; fields the domain does not know are dropped. Every source collection has an entry:
 * a collection added later without one fails the test that checks this table is complete.
 */
import { z } from 'zod';
import { Contact, IsoInstant } from '../../../shared/domain/contact.ts';
import { Detail } from '../../../shared/domain/detail.ts';
import { EventRecord } from '../../../shared/domain/events/model.ts';
import { Interaction } from '../../../shared/domain/interaction.ts';
import { Ladder, OwnStarter, PracticeSession } from '../../../shared/domain/practice/model.ts';
import { SyncConflicts } from '../../../shared/domain/sync/conflict-record.ts';
import type { CollectionName } from '../db/collections.ts';
import { lazyObject } from '../../../shared/lazy-schema.ts';

export const ARCHIVE_FORMAT = 'rapport-archive';
export const ARCHIVE_VERSION = 1;

const id = z.string().min(1).max(64);
/** Settings values and trash payloads are free-form JSON; depth and size are checked before this. */
const json = z.record(z.string().max(200), z.unknown());
const editedAt = z.record(z.string().max(200), IsoInstant);
/** Sync's set-aside values and edit stamps (db/sync-fields.ts): typed data, so archives keep them. */
const syncFields = { conflicts: SyncConflicts.optional(), editedAt: editedAt.optional() };

type ArchivedCollection = Exclude<CollectionName, 'participations' | 'people_index' | 'follow_ups' | 'meetings'>;
let documentSchemas: Record<ArchivedCollection, z.ZodType> | undefined;

/**
 * The schema of each archived collection's documents. Built at the first backup or restore, not
 * when the module loads: extending the domain schemas took ~25 ms of every start.
 */
export function archiveDocumentSchemas(): Record<ArchivedCollection, z.ZodType> {
  return (documentSchemas ??= {
    contacts: Contact.extend(syncFields),
    interactions: Interaction.extend({ sortKey: z.string().min(1).max(100), ...syncFields }),
    details: Detail.extend(syncFields),
    settings: z.object({ id, value: json, updatedAt: z.string().max(40), editedAt: editedAt.optional() }),
    trash: z.object({
      id,
      label: z.string().max(500),
      deletedAt: IsoInstant,
      payload: z.record(z.string().max(64), z.array(json).max(100_000)),
    }),
    practice_ladders: Ladder.extend(syncFields),
    practice_sessions: PracticeSession.extend(syncFields),
    user_starters: OwnStarter.extend(syncFields),
    events: EventRecord.extend(syncFields),
  });
}

/** The archive envelope. Documents are checked one by one afterwards, so errors name each one. */
export const ArchiveEnvelope = lazyObject(() => ({
  format: z.literal('rapport-archive', {
    error: 'This is not a Rapport archive (its "format" is not "rapport-archive")',
  }),
  version: z.number().int().min(1),
  exportedAt: z.string().max(40),
  collections: z.record(
    z.string().max(64),
    z.object({ schemaVersion: z.number().int().min(0), documents: z.array(z.unknown()) }),
  ),
}));
export type ArchiveEnvelope = z.infer<typeof ArchiveEnvelope>;

/** Nesting deeper than this is not data Rapport writes; it would only overflow the stack later. */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting in a JSON value, found without recursion (so a hostile value cannot overflow). */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * zod schemas for the documents of each collection as they appear in an archive. The domain
 * schemas are reused where they exist, so an archive is held to the same rules as the services.
 * Collections without an entry here (practice data, added later) get a generic check: a plain
 * object whose primary key is a non-empty string.
 */
import { z } from 'zod';
import { Contact, IsoInstant } from '../../../shared/domain/contact.ts';
import { Detail } from '../../../shared/domain/detail.ts';
import { Interaction } from '../../../shared/domain/interaction.ts';

const stored = { id: z.string().min(1).max(200) };

/** Known collections; `.loose()` keeps storage-only fields we do not describe here. */
export const ARCHIVE_DOCUMENT_SCHEMAS: Record<string, z.ZodType> = {
  contacts: Contact.loose(),
  interactions: Interaction.extend({ sortKey: z.string().min(1).max(100) }).loose(),
  details: Detail.loose(),
  settings: z.object({ ...stored, value: z.record(z.string(), z.unknown()), updatedAt: z.string() }).loose(),
  trash: z
    .object({
      ...stored,
      label: z.string(),
      deletedAt: IsoInstant,
      payload: z.record(z.string(), z.array(z.unknown())),
    })
    .loose(),
};

/** The schema for one collection's documents; `primaryKey` names the field the generic check requires. */
export function documentSchemaFor(collection: string, primaryKey: string): z.ZodType {
  return ARCHIVE_DOCUMENT_SCHEMAS[collection] ?? z.object({ [primaryKey]: z.string().min(1) }).loose();
}

/** The archive envelope. Documents are checked one by one afterwards, so errors name each one. */
export const ArchiveEnvelope = z.object({
  format: z.literal('rapport-archive', {
    error: 'This is not a Rapport archive (its "format" is not "rapport-archive")',
  }),
  version: z.number().int().min(1),
  exportedAt: z.string(),
  collections: z.record(
    z.string(),
    z.object({ schemaVersion: z.number().int().min(0), documents: z.array(z.unknown()) }),
  ),
});
export type ArchiveEnvelope = z.infer<typeof ArchiveEnvelope>;

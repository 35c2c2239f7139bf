import {
  MAX_EXPORT_NOTES,
  type ExportNoteView,
  type ExportReport,
  type interchangeRequests,
  type interchangeSubscriptions,
} from '../../../shared/ipc/channels/interchange.ts';
import { todayOf } from '../clock.ts';
import type { Area, CoreContext } from '../context.ts';
import { exportArchive } from '../backup/archive.ts';
import type { RapportDatabase } from '../db/database.ts';
import { defaultTier } from '../people/contacts-service.ts';
import type { ContactDocument } from '../people/schema.ts';
import { dataFolder } from '../lifecycle/data-folder.ts';
import type { ImportService } from './import-service.ts';
import { lazyImportService } from './lazy-import-service.ts';
import { serialiseVCard, type VCardVersion } from './vcard/serialise.ts';

/**
 * People for a vCard export, sorted like the People list: a selection, or everyone. The report
 * says what the export had to rename, convert or leave out of their kept data (hygiene.ts).
 */
export async function exportPeopleVCard(
  db: RapportDatabase,
  options: { version: VCardVersion; ids?: string[] | undefined; includeArchived: boolean },
): Promise<{ text: string; count: number; report: ExportReport }> {
  const people = await peopleToExport(db, options);
  const { text, report } = serialiseVCard(people, options.version, { trusted: true });
  const count = (outcome: ExportNoteView['outcome']) => report.filter((n) => n.outcome === outcome).length;
  return {
    text,
    count: people.length,
    report: {
      renamed: count('renamed'),
      converted: count('converted'),
      leftOut: count('left out'),
      notes: report.slice(0, MAX_EXPORT_NOTES).map(({ index, ...note }) => ({ personId: people[index]!.id, ...note })),
    },
  };
}

/** A selection of people, or everyone, sorted like the People list. */
async function peopleToExport(
  db: RapportDatabase,
  options: { ids?: string[] | undefined; includeArchived: boolean },
): Promise<ContactDocument[]> {
  const order = await db.people_index
    .find({
      selector: options.includeArchived ? {} : { archived: false },
      sort: [{ sortName: 'asc' }, { id: 'asc' }],
    })
    .exec();
  const wanted = options.ids ? new Set(options.ids) : undefined;
  const ids = order.map((row) => row.id).filter((id) => !wanted || wanted.has(id));
  const docs = await db.contacts.findByIds(ids).exec();
  // The services validated every stored person, so the export skips a second zod pass.
  return ids.flatMap((id) => (docs.has(id) ? [docs.get(id)!.toJSON() as ContactDocument] : []));
}

/** `interchange.restoreArchive` replaces the database, so the core serves it (lifecycle/handlers.ts). */
type InterchangeRequest = Exclude<
  Extract<keyof typeof interchangeRequests, `interchange.${string}`>,
  'interchange.restoreArchive'
>;

/**
 * The interchange area: import with preview, vCard and archive export, restore. It writes no
 * collection itself: imports go through the people and interactions areas.
 */
export function createInterchangeArea(ctx: CoreContext): Area<
  InterchangeRequest,
  Extract<keyof typeof interchangeSubscriptions, `interchange.${string}`>
> & {
  imports: ImportService;
} {
  const { db, clock } = ctx;
  /** `rapport-people-2026-03-18.vcf`, or `rapport-person-…` for one. */
  const fileNameFor = (count: number, extension: string) =>
    `rapport-${count === 1 ? 'person' : 'people'}-${todayOf(clock)}.${extension}`;
  const folder = dataFolder(ctx.dataDir);
  const imports = lazyImportService(async () => {
    const [{ createImportService }, { rememberedLayouts }] = await Promise.all([
      import('./import-service.ts'),
      import('./csv-preview.ts'),
    ]);
    return createImportService({
      db,
      clock,
      areas: ctx.areas,
      projection: ctx.projection,
      folder,
      journal: ctx.journal,
      safetyCopy: ctx.safetyCopy,
      defaultTier: () => defaultTier(ctx),
      layouts: rememberedLayouts(ctx.settings),
      onProgress: (progress) => ctx.emit('interchange.progress', progress),
    });
  });

  return {
    imports,
    requests: {
      'interchange.preview': async ({ fileName, base64, uploadId, sessionId, csvMapping, rememberLayout }) => {
        const options = { csvMapping, rememberLayout };
        if (sessionId) return imports.previewAgain(sessionId, options);
        const bytes = uploadId ? ctx.uploads.read(uploadId).bytes : new Uint8Array(Buffer.from(base64 ?? '', 'base64'));
        const preview = await imports.preview(fileName, bytes, options);
        if (uploadId) ctx.uploads.discard(uploadId);
        return preview;
      },
      'interchange.commit': ({ sessionId, policy, choices }) => imports.commit(sessionId, policy, choices),
      'interchange.cancel': async ({ sessionId }) => ({ cancelled: imports.cancel(sessionId) }),
      'interchange.exportVCard': async ({ version, ids, includeArchived }) => {
        const { text, count, report } = await exportPeopleVCard(db, { version, ids, includeArchived });
        return { fileName: fileNameFor(count, 'vcf'), text, count, report };
      },
      'interchange.exportCsv': async ({ ids, includeArchived }) => {
        const people = await peopleToExport(db, { ids, includeArchived });
        const { googleCsv } = await import('./csv/write-google.ts');
        return { fileName: fileNameFor(people.length, 'csv'), text: googleCsv(people), count: people.length };
      },
      'interchange.exportArchive': async () => {
        const { text, counts } = await exportArchive(db, clock);
        return { fileName: `rapport-archive-${todayOf(clock)}.json`, text, count: counts.contacts ?? 0, counts };
      },
    },
    subscriptions: {},
    // Closing mid-import: cancel it and wait for its undo, so the folder is left as before.
    close: () => imports.close(),
  };
}

import type { interchangeRequests, interchangeSubscriptions } from '../../../shared/ipc/channels/interchange.ts';
import { todayOf } from '../clock.ts';
import type { AreaHandlers, CoreContext } from '../context.ts';
import { exportArchive, readArchive, restoreDocuments } from '../backup/archive.ts';
import { createBackupService } from '../backup/backup-service.ts';
import type { ContactDocument } from '../db/contacts-schema.ts';
import type { RapportDatabase } from '../db/database.ts';
import { createImportService } from './import-service.ts';
import { toVCard, type VCardVersion } from './vcard/serialise.ts';

/** People for a vCard export, sorted like the People list: a selection, or everyone. */
export async function exportPeopleVCard(
  db: RapportDatabase,
  options: { version: VCardVersion; ids?: string[] | undefined; includeArchived: boolean },
): Promise<{ text: string; count: number }> {
  const docs = options.ids
    ? [...(await db.contacts.findByIds(options.ids).exec()).values()].sort((a, b) =>
        a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0,
      )
    : await db.contacts
        .find({
          selector: options.includeArchived ? {} : { archived: false },
          sort: [{ sortName: 'asc' }, { id: 'asc' }],
        })
        .exec();
  // The services validated every stored person, so the export skips a second zod pass.
  const people = docs.map((d) => d.toJSON() as ContactDocument);
  return { text: toVCard(people, options.version, { trusted: true }), count: people.length };
}

/**
 * The interchange area's IPC handlers: import with preview, vCard and archive export, restore,
 * and backups. Starts the backup timer; `close` stops it (waiting for a running backup).
 */
export function createInterchangeHandlers(
  ctx: CoreContext,
): AreaHandlers<keyof typeof interchangeRequests, keyof typeof interchangeSubscriptions> {
  const { db, clock } = ctx;
  const imports = createImportService(
    db,
    clock,
    (progress) => ctx.emit('interchange.progress', progress),
    async () => (await ctx.settings.keepInTouch()).defaultTier,
  );
  const backups = createBackupService(db, clock, ctx.dataDir);
  backups.start();

  return {
    requests: {
      'interchange.preview': ({ fileName, base64 }) =>
        imports.preview(fileName, new Uint8Array(Buffer.from(base64, 'base64'))),
      'interchange.commit': ({ sessionId, policy, choices }) => imports.commit(sessionId, policy, choices),
      'interchange.cancel': async ({ sessionId }) => ({ cancelled: imports.cancel(sessionId) }),
      'interchange.exportVCard': async ({ version, ids, includeArchived }) => {
        const { text, count } = await exportPeopleVCard(db, { version, ids, includeArchived });
        return { fileName: `rapport-${count === 1 ? 'person' : 'people'}-${todayOf(clock)}.vcf`, text, count };
      },
      'interchange.exportArchive': async () => {
        const { text, counts } = await exportArchive(db, clock);
        return { fileName: `rapport-archive-${todayOf(clock)}.json`, text, count: counts.contacts ?? 0, counts };
      },
      'interchange.restoreArchive': async ({ fileName, text, overwrite }) => ({
        counts: await restoreDocuments(db, await readArchive(db, text, fileName), { overwrite }),
      }),
      'backup.getSettings': () => backups.settings(),
      'backup.setSettings': (input) => backups.setSettings(input),
      'backup.runNow': () => backups.runNow(),
      'backup.list': () => backups.list(),
      'backup.restore': async ({ name, overwrite }) => ({ counts: await backups.restore(name, overwrite) }),
    },
    subscriptions: {
      'backup.status': () => backups.status$(),
    },
    close: () => backups.stop(),
  };
}

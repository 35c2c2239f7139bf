/**
 * The channels the core serves itself rather than a generation's areas: uploads, and everything
 * that replaces the database (restores, recovery). They work the same whether a database is
 * open, open read-only, or missing.
 */
import type { RequestChannel } from '../../../shared/ipc/contract.ts';
import type { RequestHandlers } from '../ipc/dispatcher.ts';
import type { Operations } from './operations.ts';
import type { Uploads } from './uploads.ts';

export type LifecycleChannel =
  | 'uploads.begin'
  | 'uploads.chunk'
  | 'uploads.discard'
  | 'app.cancelOperation'
  | 'interchange.restoreArchive'
  | 'backup.restore'
  | 'recovery.status'
  | 'recovery.safetyCopies'
  | 'recovery.restoreBackup'
  | 'recovery.restoreSafetyCopy'
  | 'recovery.openReadOnly'
  | 'recovery.startEmpty';

export function lifecycleHandlers(deps: {
  uploads: Uploads;
  operations: Operations;
}): Pick<RequestHandlers, LifecycleChannel> {
  const { uploads, operations } = deps;
  return {
    'uploads.begin': async ({ fileName, bytes }) => uploads.begin(fileName, bytes),
    'uploads.chunk': async ({ uploadId, offset, base64 }) => uploads.chunk(uploadId, offset, base64),
    'uploads.discard': async ({ uploadId }) => ({ discarded: uploads.discard(uploadId) }),
    'app.cancelOperation': async () => ({ cancelled: operations.cancel() }),
    'interchange.restoreArchive': async ({ fileName, text, uploadId, overwrite }) => {
      const archive = uploadId ? new TextDecoder().decode(uploads.read(uploadId).bytes) : (text ?? '');
      const restored = await operations.restoreArchive(fileName, archive, overwrite);
      if (uploadId) uploads.discard(uploadId);
      return restored;
    },
    'backup.restore': ({ name, overwrite }) => operations.restoreBackup(name, overwrite),
    'recovery.status': () => operations.recoveryStatus(),
    'recovery.safetyCopies': async () => operations.safetyCopies(),
    'recovery.restoreBackup': ({ name }) => operations.restoreBackup(name, true),
    'recovery.restoreSafetyCopy': ({ name }) => operations.restoreSafetyCopy(name),
    'recovery.openReadOnly': async () => {
      await operations.openReadOnly();
      return {};
    },
    'recovery.startEmpty': async () => {
      await operations.startEmpty();
      return {};
    },
  };
}

/** What a read-only copy of a damaged database still answers: reads, exports, and the ways out. */
export const READ_ONLY_REQUESTS: ReadonlySet<string> = new Set<RequestChannel>([
  'app.info',
  'contacts.get',
  'contacts.duplicates',
  'timeline.page',
  'timeline.position',
  'details.listOpen',
  'settings.getKeepInTouch',
  'search.query',
  'reminders.getSettings',
  'reminders.exportIcs',
  'interchange.exportVCard',
  'interchange.exportCsv',
  'interchange.exportArchive',
  'backup.getSettings',
  'backup.list',
  'starters.suggestFor',
  'uploads.begin',
  'uploads.chunk',
  'uploads.discard',
  'app.cancelOperation',
  'interchange.restoreArchive',
  'backup.restore',
  'recovery.status',
  'recovery.safetyCopies',
  'recovery.restoreBackup',
  'recovery.restoreSafetyCopy',
  'recovery.startEmpty',
]);

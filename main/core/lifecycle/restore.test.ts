import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../../shared/ipc/wire.ts';
import { exportArchive, snapshot } from '../backup/archive.ts';
import { closeCore, openCore, seedPeople, tempDir } from '../backup/test-helpers.ts';
import { fixedClock } from '../clock.ts';
import type { Core } from '../core.ts';
import { dataFolder } from './data-folder.ts';

const clock = fixedClock('2026-03-01T09:00:00Z');

async function seededArchive() {
  const source = await openCore();
  await seedPeople(source);
  const archive = await exportArchive(source.db, clock);
  const expected = await snapshot(source.db);
  // RxDB closes a same-named database in this process when another opens (closeDuplicates).
  await closeCore(source);
  return { ...archive, expected };
}

/** Uploads text in parts, as the renderer does for anything over 2 MB. */
async function upload(core: Core, fileName: string, text: string, chunk = 1000): Promise<string> {
  const bytes = Buffer.from(text);
  const { uploadId } = await core.call('uploads.begin', { fileName, bytes: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    await core.call('uploads.chunk', {
      uploadId,
      offset,
      base64: bytes.subarray(offset, offset + chunk).toString('base64'),
    });
  }
  return uploadId;
}

describe('restore', () => {
  it('builds a new database from an archive and swaps it in; live queries and timelines follow', async () => {
    const { text, counts, expected } = await seededArchive();
    const target = await openCore();
    const events: ServerMessage[] = [];
    target.connect((m) => events.push(m));
    const pushes: string[][] = [];
    const stop = target.watch('contacts.watch', {}, (r) => r.ok && pushes.push(r.value.map((p) => p.displayName)));

    const restored = await target.call('interchange.restoreArchive', {
      fileName: 'a.json',
      uploadId: await upload(target, 'a.json', text),
    });
    expect(restored.counts).toEqual(counts);
    expect(await snapshot(target.db)).toEqual(expected);
    const ada = expected.contacts!.find((c) => c.displayName === 'Ada Lovelace') as { id: string };
    const page = await target.call('timeline.page', { filter: { contactId: ada.id }, offset: 0, limit: 10 });
    expect(page.entries).toHaveLength(1);
    await expect.poll(() => pushes.at(-1)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    stop();
    const names = events.flatMap((m) => (m.type === 'event' ? [m.name] : []));
    expect(names).toContain('app.databaseReplaced');
    expect(names).toContain('app.progress');
    expect(existsSync(dataFolder(target.dir).restoreTarget)).toBe(false);
  });

  it('refuses a non-empty profile unless told to overwrite; then keeps the old database as a safety copy', async () => {
    const { text } = await seededArchive();
    const target = await openCore();
    const folder = tempDir();
    await target.call('backup.setSettings', { frequency: 'daily', keepDaily: 7, keepWeekly: 4, folder });
    await target.call('contacts.create', { displayName: 'Keep Me' });
    const refused = await target.requestUnchecked('interchange.restoreArchive', { fileName: 'a.json', text });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('(1 person)'), details: [{ path: ['overwrite'] }] },
    });
    expect((await target.db.contacts.find().exec()).map((d) => d.displayName)).toEqual(['Keep Me']);

    await target.call('interchange.restoreArchive', { fileName: 'a.json', text, overwrite: true });
    expect((await target.db.contacts.find().exec()).map((d) => d.displayName).sort()).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
    ]);
    // This installation's backup folder is its own, not the archive's.
    expect(await target.call('backup.getSettings', {})).toMatchObject({ folder });
    const copies = readdirSync(join(target.dir, 'safety-copies')).filter((f) => f.endsWith('.sqlite'));
    expect(copies).toHaveLength(1);

    // Settings lists it while the database is open, with why it was taken and how many it held.
    const listed = await target.call('recovery.safetyCopies', {});
    expect(listed).toMatchObject([{ name: copies[0], reason: expect.stringContaining('Before restoring'), people: 1 }]);

    // The safety copy holds the old data: putting it back brings "Keep Me" again, and what it
    // replaced becomes a safety copy in turn.
    await target.call('recovery.restoreSafetyCopy', { name: copies[0]! });
    expect((await target.db.contacts.find().exec()).map((d) => d.displayName)).toEqual(['Keep Me']);
    const after = await target.call('recovery.safetyCopies', {});
    expect(after).toHaveLength(2);
    expect(after).toContainEqual(
      expect.objectContaining({ reason: expect.stringContaining('Before putting back'), people: 2 }),
    );
  });

  it('restores a named backup, and a cancelled restore leaves the database as it was', async () => {
    const source = await openCore();
    await seedPeople(source);
    const folder = tempDir();
    await source.call('backup.setSettings', { frequency: 'daily', keepDaily: 7, keepWeekly: 4, folder });
    const { name } = await source.call('backup.runNow', {});
    await closeCore(source);
    const target = await openCore();
    await target.call('backup.setSettings', { frequency: 'daily', keepDaily: 7, keepWeekly: 4, folder });
    await target.call('contacts.create', { displayName: 'Keep Me' });
    const before = await snapshot(target.db);

    target.connect((m) => {
      if (m.type === 'event' && m.name === 'app.progress') void target.call('app.cancelOperation', {});
    });
    const cancelled = await target.requestUnchecked('backup.restore', { name, overwrite: true });
    expect(cancelled).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringMatching(/cancelled; nothing was changed/),
        details: [{ path: ['cancelled'] }],
      },
    });
    expect(await snapshot(target.db)).toEqual(before);
    expect(existsSync(dataFolder(target.dir).restoreTarget)).toBe(false);
  });
});

/**
 * On a full disk, import, restore and backup leave the database exactly as it was and say why.
 * The disk is a small tmpfs mounted for the test, which needs root on Linux; elsewhere the tests
 * skip and say so.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportArchive, snapshot } from '../backup/archive.ts';
import { fixedClock } from '../clock.ts';
import { openTestCore } from '../testing/test-core.ts';
import { dataFolder } from './data-folder.ts';

const MOUNT_MB = 24;
let mount = '';
let cannot = '';

beforeAll(() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    cannot = 'mounting a tiny tmpfs needs root on Linux';
    return;
  }
  mount = testDirOutsideTest();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${MOUNT_MB}m`, 'tmpfs', mount], { stdio: 'pipe' });
  } catch (error) {
    cannot = `mount refused a tmpfs here (${String((error as { stderr?: Buffer }).stderr ?? error).trim()})`;
  }
});
afterAll(() => {
  if (mount && !cannot) execFileSync('umount', ['-l', mount]);
  if (mount) rmSync(mount, { recursive: true, force: true });
});
function testDirOutsideTest() {
  const dir = join(process.env.TMPDIR ?? '/tmp', `rapport-tinyfs-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Fills the disk until a write fails; returns the filler to free it later. */
function fillDisk(dir: string, leaveBytes = 0): string {
  const filler = join(dir, `filler-${Math.random().toString(36).slice(2)}`);
  const fd = openSync(filler, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch {
    // full
  } finally {
    closeSync(fd);
  }
  if (leaveBytes) execFileSync('truncate', ['-s', `-${leaveBytes}`, filler]);
  return filler;
}

async function coreOnTinyDisk(name: string) {
  const dir = join(mount, name);
  const t = await openTestCore({ dir, now: '2026-03-01T09:00:00Z' });
  for (let i = 0; i < 40; i++)
    await t.call('contacts.create', { displayName: `Person ${i}`, emails: [{ value: `p${i}@example.org` }] });
  return t;
}
const cards = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Card ${i}\r\nEMAIL:c${i}@example.org\r\nNOTE:${'n'.repeat(400)}\r\nEND:VCARD\r\n`,
  ).join('');
const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('on a full disk', () => {
  it('an import that does not fit is refused before it writes anything', async (context) => {
    if (cannot) return context.skip(cannot);
    const t = await coreOnTinyDisk('import-refused');
    const before = await snapshot(t.core.db);
    const filler = fillDisk(mount, 64 * 1024);
    try {
      const preview = await t.call('interchange.preview', { fileName: 'big.vcf', base64: base64(cards(1500)) });
      const result = await t.core.request('interchange.commit', { sessionId: preview.sessionId });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'unavailable', message: expect.stringMatching(/not enough free disk space/) },
      });
      expect(await snapshot(t.core.db)).toEqual(before);
    } finally {
      rmSync(filler);
    }
  });

  it('an import that fills the disk half-way is undone, using the reserve, and says why', async (context) => {
    if (cannot) return context.skip(cannot);
    const t = await coreOnTinyDisk('import-half');
    const before = await snapshot(t.core.db);
    const preview = await t.call('interchange.preview', { fileName: 'some.vcf', base64: base64(cards(1500)) });
    let filler = '';
    // The moment the first chunk is written, the disk fills up.
    const off = t.core.on('interchange.progress', ({ phase }) => {
      if (phase === 'writing' && !filler) filler = fillDisk(mount);
    });
    try {
      const result = await t.core.request('interchange.commit', { sessionId: preview.sessionId });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'unavailable', message: expect.stringMatching(/disk is full/) },
      });
      expect(await snapshot(t.core.db)).toEqual(before);
    } finally {
      off();
      if (filler) rmSync(filler);
    }
  });

  it('a restore that does not fit leaves the database and no half-built file', async (context) => {
    if (cannot) return context.skip(cannot);
    const source = await openTestCore({ now: '2026-03-01T09:00:00Z' });
    for (let i = 0; i < 300; i++)
      await source.call('contacts.create', { displayName: `Other ${i}`, notes: 'x'.repeat(2000) });
    const { text } = await exportArchive(source.core.db, fixedClock('2026-03-01T09:00:00Z'));
    await source.dispose();
    const t = await coreOnTinyDisk('restore');
    const before = await snapshot(t.core.db);
    const filler = fillDisk(mount, 256 * 1024);
    try {
      const result = await t.core.operations.restoreArchive('big.json', text, true).then(
        () => ({ ok: true }),
        (error: { code?: string; message: string }) => ({ ok: false, code: error.code, message: error.message }),
      );
      expect(result).toMatchObject({
        ok: false,
        code: 'unavailable',
        message: expect.stringMatching(/not enough free disk space/),
      });
      expect(await snapshot(t.core.db)).toEqual(before);
      expect(() => openSync(dataFolder(t.dir).restoreTarget, 'r')).toThrow();
    } finally {
      rmSync(filler);
    }
    // 300 people written one by one through the service (each indexed for search as it lands)
    // make the archive big enough to overflow the tiny disk: seconds of work, not a hang.
  }, 60_000);

  it('a backup that does not fit reports unavailable with the reason, and changes nothing', async (context) => {
    if (cannot) return context.skip(cannot);
    const t = await coreOnTinyDisk('backup');
    const before = await snapshot(t.core.db);
    const filler = fillDisk(mount);
    try {
      const result = await t.core.request('backup.runNow', {});
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'unavailable', message: expect.stringMatching(/ENOSPC|no space/i) },
      });
      expect(await snapshot(t.core.db)).toEqual(before);
    } finally {
      rmSync(filler);
    }
  });
});

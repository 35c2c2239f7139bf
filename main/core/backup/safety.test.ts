/**
 * Backups that can never be turned against the user: the good copy is never rotated away, the
 * status survives losing the database, and a folder that stops answering blocks nothing.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, openSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { createSettingsStore } from '../settings/settings-store.ts';
import { openTestCore, testDir } from '../testing/test-core.ts';
import { createBackupService } from './backup-service.ts';
import { HISTORY_FILE } from './history.ts';
import { backupsToDelete, shrinkWarning } from './rotation.ts';

const at = (day: number, people: number) => ({
  name: `rapport-202603${String(day).padStart(2, '0')}T090000Z`,
  createdAt: new Date(`2026-03-${String(day).padStart(2, '0')}T09:00:00Z`),
  people,
});

describe('rotation never erases the good copy', () => {
  it('keeps the newest backup holding more people than the newest one, however old', () => {
    // Keep 1 day and 0 weeks: date rules alone would keep only the newest.
    const backups = [at(1, 300), at(2, 300), at(3, 0)];
    expect(backupsToDelete(backups, 1, 0)).toEqual(['rapport-20260301T090000Z']);
    // Once a backup holds as many people again, the old one may go.
    expect(backupsToDelete([...backups, at(4, 300)], 1, 0)).toEqual([
      'rapport-20260301T090000Z',
      'rapport-20260302T090000Z',
    ]);
  });

  it('warns when a backup holds over 20% fewer people than the one before', () => {
    expect(shrinkWarning(at(1, 300), at(2, 250))).toBeUndefined();
    expect(shrinkWarning(at(1, 300), at(2, 200))).toMatch(/holds 200 people, 33% fewer than the one before \(300\)/);
  });

  it('a profile emptied by mistake backs up as empty but keeps the full backup, and warns', async () => {
    const t = await openTestCore({ now: '2026-03-01T09:00:00Z' });
    await t.call('backup.setSettings', { frequency: 'daily', keepDaily: 1, keepWeekly: 0 });
    const people = await Promise.all(
      ['Ada', 'Grace', 'Alan'].map((n) => t.call('contacts.create', { displayName: n })),
    );
    const full = await t.call('backup.runNow', {});
    await t.call('contacts.delete', { ids: people.map((p) => p.id) });
    t.clock.set('2026-03-02T09:00:00Z');
    await t.call('backup.runNow', {});
    const names = (await t.call('backup.list', {})).map((b) => [b.name, b.counts.contacts]);
    expect(names).toEqual([
      ['rapport-20260302T090000Z', 0],
      [full.name, 3],
    ]);
    expect((await t.next('backup.status', {}, (s) => !!s.warning)).warning).toMatch(/holds 0 people, 100% fewer/);
  });
});

describe('the backup status lives beside the backups', () => {
  it('is written to the backup folder, and a new database does not hurry to back up over yesterday', async () => {
    const t = await openTestCore({ now: '2026-03-01T09:00:00Z' });
    await t.call('contacts.create', { displayName: 'Ada' });
    await t.call('backup.runNow', {});
    expect(readdirSync(join(t.dir, 'backups'))).toContain(HISTORY_FILE);
    // The database is lost, then started empty on purpose: the backups' own record still counts.
    await t.close();
    rmSync(join(t.dir, 'rapport.sqlite'));
    await t.reopen();
    expect(t.core.database.state).toBe('needs-recovery');
    await t.call('recovery.startEmpty', { confirm: true });
    const status = await t.next('backup.status', {}, (s) => !!s.lastSuccessAt);
    expect(status.lastSuccessAt).toBe('2026-03-01T09:00:00.000Z');
    expect(status.nextDueAt).toBe('2026-03-02T09:00:00.000Z');
  });
});

describe('a folder that stops answering', () => {
  it('fails that run after its deadline, never blocks the next run or closing', async () => {
    const t = await openTestCore({ now: '2026-03-01T09:00:00Z' });
    const folder = testDir();
    // A backup whose manifest is a named pipe nobody writes to: reading it hangs for ever, as a
    // dead network mount would.
    const stuck = join(folder, 'rapport-20260101T000000Z');
    mkdirSync(stuck);
    execFileSync('mkfifo', [join(stuck, 'manifest.json')]);
    const store = createSettingsStore(t.core.db, fixedClock('2026-03-01T09:00:00Z'));
    const backups = createBackupService(t.core.db, store, fixedClock('2026-03-01T09:00:00Z'), t.dir, {
      timeoutMs: 300,
    });
    await backups.setSettings({ frequency: 'daily', keepDaily: 7, keepWeekly: 4, folder });
    try {
      await expect(backups.runNow()).rejects.toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(/made no progress for/),
      });
      // The next run is a run of its own (it fails the same way), not a wait on the stuck one.
      await expect(backups.runNow()).rejects.toMatchObject({ code: 'unavailable' });
      const started = performance.now();
      await backups.stop();
      expect(performance.now() - started).toBeLessThan(6000);
    } finally {
      // Let the stuck reads finish (a writer opening and closing the pipe ends each one), so the
      // worker's threads are free again. Non-blocking: it stops once no reader is left.
      for (;;) {
        try {
          closeSync(openSync(join(stuck, 'manifest.json'), constants.O_WRONLY | constants.O_NONBLOCK));
        } catch {
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  });
});

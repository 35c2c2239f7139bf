import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { createSettingsStore } from '../settings/settings-store.ts';
import { movableClock } from '../testing/fakes.ts';
import { openTestCore } from '../testing/test-core.ts';
import { FILES, verifyBackup } from './backup-files.ts';
import { HISTORY_FILE } from './history.ts';
import { createBackupService, FIRST_BACKUP_DELAY_MS, nextDueAt, DEFAULT_BACKUP_SETTINGS } from './backup-service.ts';
import { backupsToDelete } from './rotation.ts';
import { closeCore, openCore, seedPeople, tempDir } from './test-helpers.ts';

describe('rotation', () => {
  const at = (iso: string) => ({ name: iso, createdAt: new Date(iso) });
  it('keeps the newest per day for N days and per ISO week for M weeks', () => {
    // Noon UTC so the local day is the same date in every time zone the tests run in.
    const backups = [
      '2026-01-05',
      '2026-01-12',
      '2026-01-19',
      '2026-01-26',
      '2026-02-02',
      '2026-02-03',
      '2026-02-04',
      '2026-02-05',
    ].map((d) => at(`${d}T12:00:00Z`));
    backups.push(at('2026-02-05T06:00:00Z'), at('2026-02-05T03:00:00Z')); // older ones on the newest day
    const doomed = backupsToDelete(backups, 2, 3);
    // Days: 02-05 (12:00), 02-04. Weeks (Mon start): week of 02-02 → 02-05, week of 01-26, week of 01-19.
    // The two newest: 02-05 12:00 and 06:00.
    expect(doomed).toEqual([
      '2026-01-05T12:00:00Z',
      '2026-01-12T12:00:00Z',
      '2026-02-02T12:00:00Z',
      '2026-02-03T12:00:00Z',
      '2026-02-05T03:00:00Z',
    ]);
  });
  it('always keeps the two newest, even with nothing else to keep', () => {
    const days = ['2026-01-01', '2026-01-02', '2026-01-03'].map((d) => at(`${d}T12:00:00Z`));
    expect(backupsToDelete(days, 1, 0)).toEqual(['2026-01-01T12:00:00Z']);
  });
  it('a second backup the same day does not replace the first', () => {
    const morning = at('2026-01-02T09:00:00Z');
    const manual = at('2026-01-02T15:00:00Z');
    expect(backupsToDelete([at('2026-01-01T12:00:00Z'), morning, manual], 1, 0)).toEqual(['2026-01-01T12:00:00Z']);
    // A third the same day: the earliest of the day may go, the one just before the newest stays.
    expect(backupsToDelete([morning, manual, at('2026-01-02T18:00:00Z')], 1, 0)).toEqual([morning.name]);
  });
});

describe('due time', () => {
  const start = new Date('2026-03-01T09:00:00Z');
  it('runs shortly after the first start, then a day after the last success, sooner after a failure', () => {
    expect(nextDueAt(DEFAULT_BACKUP_SETTINGS, {}, start)?.getTime()).toBe(start.getTime() + FIRST_BACKUP_DELAY_MS);
    expect(
      nextDueAt(DEFAULT_BACKUP_SETTINGS, { lastSuccessAt: '2026-03-01T00:00:00.000Z' }, start)?.toISOString(),
    ).toBe('2026-03-02T00:00:00.000Z');
    const failed = {
      lastSuccessAt: '2026-03-01T00:00:00.000Z',
      lastRunAt: '2026-03-01T08:00:00.000Z',
      lastError: 'disk full',
    };
    expect(nextDueAt(DEFAULT_BACKUP_SETTINGS, failed, start)?.toISOString()).toBe('2026-03-01T09:00:00.000Z');
    expect(nextDueAt({ ...DEFAULT_BACKUP_SETTINGS, frequency: 'off' }, {}, start)).toBeUndefined();
  });
});

describe('backups', () => {
  it('writes a vCard and an archive, verified, into <dataDir>/backups by default', async () => {
    const core = await openCore();
    await seedPeople(core);
    const info = await core.call('backup.runNow', {});
    expect(info.name).toBe('rapport-20260301T090000Z');
    expect(info.counts).toMatchObject({ contacts: 2, interactions: 1 });
    const dir = join(core.dir, 'backups', info.name);
    expect(readdirSync(dir).sort()).toEqual([FILES.archive, FILES.manifest, FILES.vcard].sort());
    expect(readFileSync(join(dir, FILES.vcard), 'utf8')).toContain('FN:Ada Lovelace');
    await expect(verifyBackup(dir)).resolves.toMatchObject({ counts: { contacts: 2 } });
    expect(await core.call('backup.list', {})).toEqual([expect.objectContaining({ name: info.name })]);
  });

  it('verification catches a changed file and a wrong count', async () => {
    const core = await openCore();
    await seedPeople(core);
    const { name } = await core.call('backup.runNow', {});
    const dir = join(core.dir, 'backups', name);
    const archive = readFileSync(join(dir, FILES.archive), 'utf8');
    writeFileSync(join(dir, FILES.archive), archive.replace('Ada', 'Eve'));
    await expect(verifyBackup(dir)).rejects.toThrow(/does not match its checksum/);
    writeFileSync(join(dir, FILES.archive), archive);
    const manifest = JSON.parse(readFileSync(join(dir, FILES.manifest), 'utf8'));
    manifest.counts.contacts = 3;
    writeFileSync(join(dir, FILES.manifest), JSON.stringify(manifest));
    await expect(verifyBackup(dir)).rejects.toThrow(/holds 2 contacts, expected 3/);
    // A damaged backup is refused for restore with a clear message.
    const result = await core.requestUnchecked('backup.restore', { name, overwrite: true });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('is damaged') },
    });
  });

  it('rotates: daily runs over three weeks keep N daily and M weekly', async () => {
    const clock = movableClock('2026-03-02T12:00:00Z');
    const core = await openCore({ clock });
    const folder = tempDir();
    await core.call('backup.setSettings', { frequency: 'daily', folder, keepDaily: 3, keepWeekly: 2 });
    for (let day = 2; day <= 22; day++) {
      clock.set(`2026-03-${String(day).padStart(2, '0')}T12:00:00Z`);
      await core.call('backup.runNow', {});
    }
    const names = readdirSync(folder)
      .filter((n) => n !== HISTORY_FILE)
      .sort();
    // 3 newest days (20–22) and the newest of the last 2 ISO weeks (22 Sun closes 16–22; 15 closes 9–15).
    expect(names).toEqual([
      'rapport-20260315T120000Z',
      'rapport-20260320T120000Z',
      'rapport-20260321T120000Z',
      'rapport-20260322T120000Z',
    ]);
  });

  it('records the last error in the status, and clears it on the next success', async () => {
    const t = await openTestCore({ now: '2026-03-01T09:00:00Z' });
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, 'not a folder');
    await t.call('backup.setSettings', { ...DEFAULT_BACKUP_SETTINGS, folder: blocker });
    const failed = await t.core.request('backup.runNow', {});
    expect(failed).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const status = await t.next('backup.status', {}, (s) => !!s.lastError);
    expect(status.lastError).toMatch(/ENOTDIR|EEXIST|not a directory/i);
    expect(status.folder).toBe(blocker);
    await t.call('backup.setSettings', { ...DEFAULT_BACKUP_SETTINGS });
    await t.call('backup.runNow', {});
    const ok = await t.next('backup.status', {}, (s) => !s.lastError && !!s.lastSuccessAt);
    expect(ok.lastSuccessAt).toBe('2026-03-01T09:00:00.000Z');
    expect(ok.nextDueAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('refuses a relative folder', async () => {
    const core = await openCore();
    const result = await core.requestUnchecked('backup.setSettings', {
      ...DEFAULT_BACKUP_SETTINGS,
      folder: 'backups',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ path: ['folder'] }] } });
  });

  it("restores a chosen backup into a fresh profile, keeping that profile's backup settings", async () => {
    const source = await openCore();
    await seedPeople(source);
    const folder = tempDir();
    await source.call('backup.setSettings', { ...DEFAULT_BACKUP_SETTINGS, folder });
    const { name } = await source.call('backup.runNow', {});
    await closeCore(source);

    const target = await openCore();
    await target.call('backup.setSettings', { ...DEFAULT_BACKUP_SETTINGS, folder, keepDaily: 9 });
    expect(await target.call('backup.restore', { name, overwrite: false })).toMatchObject({
      counts: { contacts: 2, details: 1 },
    });
    expect((await target.db.contacts.find().exec()).map((d) => d.displayName).sort()).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
    ]);
    expect(await target.call('backup.getSettings', {})).toMatchObject({ keepDaily: 9 });
    expect(await target.call('settings.getKeepInTouch', {})).toMatchObject({ tiers: { close: { idealDays: 10 } } });
  });

  it('the timer runs a backup when due and plans the next one a day later', async () => {
    const core = await openCore();
    const clock = fixedClock('2026-03-01T09:00:00Z');
    const service = createBackupService(core.db, createSettingsStore(core.db, clock), clock, core.dir);
    const planned: number[] = [];
    const timers = {
      setTimeout: (run: () => void, ms: number) => (planned.push(ms), setTimeout(run, 0)),
      clearTimeout: (h: unknown) => clearTimeout(h as never),
    };
    service.start(timers);
    // First wait: the start-up delay, then the job runs and the next wait is capped at an hour.
    for (let i = 0; i < 300 && planned.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    await service.stop();
    expect(planned[0]).toBe(FIRST_BACKUP_DELAY_MS);
    expect(readdirSync(join(core.dir, 'backups')).length).toBeGreaterThanOrEqual(1);
    expect(planned).toContain(3_600_000);
  });
});

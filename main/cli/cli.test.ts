import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DryRunReport } from '../../shared/ipc/channels/interchange.ts';
import { openCore, tempDir } from '../core/backup/test-helpers.ts';
import { openTestCore } from '../core/testing/test-core.ts';
import { run } from './run.ts';

type Outcome = { code: number; stdout: string; stderr: string };
/** The backup folders in a folder (not its history file). */
const backupsIn = (folder: string) => readdirSync(folder).filter((name) => name.startsWith('rapport-2'));

/** Spawns the real CLI, exactly as `rapport` runs it (about 2 s each, so used sparingly). */
function spawnCli(args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['main/cli.ts', ...args], { timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The same command in this process: `main/cli.ts` only hands argv and stdout/stderr to `run`. */
async function cli(args: string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}

const vcf = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Ada Lovelace',
  'EMAIL:ada@example.org',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Alan Turing',
  'END:VCARD',
  '',
].join('\r\n');

describe('rapport CLI', { timeout: 60_000 }, () => {
  it('import --dry-run --json prints the documented shape and writes nothing', async () => {
    const dir = tempDir();
    const file = join(tempDir(), 'people.vcf');
    writeFileSync(file, vcf);
    const dryRun = await cli(['--data-dir', dir, 'import', file, '--dry-run', '--json']);
    expect(dryRun.code).toBe(0);
    const report = DryRunReport.parse(JSON.parse(dryRun.stdout));
    expect(report.people.map((p) => [p.line, p.status, p.action, p.person.displayName])).toEqual([
      [1, 'new', 'create', 'Ada Lovelace'],
      [9, 'new', 'create', 'Alan Turing'],
    ]);
    expect(report.people[0]!.person.emails).toEqual([{ value: 'ada@example.org' }]);
    expect(report.problems).toEqual([
      { file: 'people.vcf', line: 6, severity: 'error', message: 'Card at line 6 is empty; not imported' },
    ]);
    const stats = await cli(['--data-dir', dir, 'stats', '--json']);
    expect(JSON.parse(stats.stdout).counts.contacts).toBe(0);
  });

  it('import --dry-run says which line a repeated person repeats, and the import merges them', async () => {
    const dir = tempDir();
    const file = join(tempDir(), 'twice.vcf');
    writeFileSync(
      file,
      vcf + vcf.replace('EMAIL:ada@example.org', 'EMAIL:ada@example.org\r\nEMAIL:ada@engines.example'),
    );
    const json = DryRunReport.parse(
      JSON.parse((await cli(['--data-dir', dir, 'import', file, '--dry-run', '--json'])).stdout),
    );
    expect(json.people.map((p) => [p.line, p.status, p.action, p.sameAs])).toEqual([
      [1, 'new', 'create', undefined],
      [9, 'new', 'create', undefined],
      [13, 'duplicate', 'merge', [1]],
      [22, 'duplicate', 'merge', [9]],
    ]);
    const text = await cli(['--data-dir', dir, 'import', file, '--dry-run']);
    expect(text.stdout).toContain(
      '4 people — 2 new, 0 matching someone, 0 in conflict, 2 the same person as an earlier line',
    );
    expect(text.stdout).toContain('line 13: Ada Lovelace — same person as line 1, would merge');
    const imported = await cli(['--data-dir', dir, 'import', file]);
    expect(imported.stdout).toContain('2 created, 2 merged, 0 skipped');
  });

  it('imports with a policy, exports vCard and JSON, and backs up', async () => {
    const dir = tempDir();
    const out = tempDir();
    const file = join(out, 'people.vcf');
    writeFileSync(file, vcf);
    const first = await cli(['--data-dir', dir, 'import', file]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('2 created, 0 merged, 0 skipped');
    expect(first.stderr).toContain('people.vcf:6: error: Card at line 6 is empty');
    const again = await cli(['--data-dir', dir, 'import', file, '--policy', 'skip', '--json']);
    expect(JSON.parse(again.stdout).summary).toMatchObject({ created: 0, skipped: 2 });

    expect((await cli(['--data-dir', dir, 'export', '--format', 'vcard4', '--out', join(out, 'all.vcf')])).code).toBe(
      0,
    );
    expect(readFileSync(join(out, 'all.vcf'), 'utf8')).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/);
    expect((await cli(['--data-dir', dir, 'export', '--format', 'json', '--out', join(out, 'all.json')])).code).toBe(0);
    const archive = JSON.parse(readFileSync(join(out, 'all.json'), 'utf8'));
    expect(archive).toMatchObject({ format: 'rapport-archive', version: 1 });
    expect(archive.collections.contacts.documents).toHaveLength(2);

    const backup = await cli(['--data-dir', dir, 'backup', 'now', '--json']);
    expect(backup.code).toBe(0);
    const name = JSON.parse(backup.stdout).name as string;
    expect(backupsIn(join(dir, 'backups'))).toEqual([name]);
    const stats = await cli(['--data-dir', dir, 'stats']);
    expect(stats.stdout).toMatch(/contacts\s+2/);
    expect(stats.stdout).toMatch(/backups\s+1/);
  });

  it('stats, export and rebuild never run a backup, even one that is overdue', async () => {
    const t = await openTestCore({ now: '2026-03-01T09:00:00Z' });
    await t.call('contacts.create', { displayName: 'Ada Lovelace' });
    await t.call('backup.runNow', {});
    await t.close();
    // The last backup is now a month old: an app opened on this folder would back up at once.
    const before = backupsIn(join(t.dir, 'backups'));
    expect(before).toHaveLength(1);
    expect((await cli(['--data-dir', t.dir, 'stats'])).code).toBe(0);
    expect(
      (await cli(['--data-dir', t.dir, 'export', '--format', 'json', '--out', join(tempDir(), 'a.json')])).code,
    ).toBe(0);
    const rebuilt = await cli(['--data-dir', t.dir, 'rebuild', '--json']);
    expect(JSON.parse(rebuilt.stdout)).toEqual({
      changed: 0,
      participations: 0,
      people: 1,
      search: { people: 1, interactions: 0 },
    });
    expect(backupsIn(join(t.dir, 'backups'))).toEqual(before);
  });

  it('runs as a real process, and refuses a data folder the app holds with its message and exit code 3', async () => {
    expect(await spawnCli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: rapport') });
    const core = await openCore();
    const held = await spawnCli(['--data-dir', core.dir, 'stats']);
    expect(held.code).toBe(3);
    expect(held.stderr).toContain(`Rapport is already running (pid ${process.pid})`);
  });

  it('explains usage errors with exit code 2', async () => {
    expect(await cli(['import'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('import needs exactly one FILE'),
    });
    expect(await cli(['import', 'x.vcf', '--policy', 'maybe'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--policy must be merge, skip or create'),
    });
    expect(await cli(['export', '--format', 'pdf', '--out', 'x'])).toMatchObject({ code: 2 });
    expect(await cli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: rapport') });
  });

  it('fails with exit code 1 on a file that is not contacts', async () => {
    const dir = tempDir();
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'hello');
    const failed = await cli(['--data-dir', dir, 'import', file, '--dry-run']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('notes.txt:1: error: notes.txt is not a vCard');
  });
});

/**
 * The CLI's ways back to good data: restoring an archive or a backup, starting empty when the
 * database is lost, and the advice printed when a command meets a missing or damaged database.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Core } from '../core/core.ts';
import type { Io } from './commands.ts';
import { EXIT } from './commands.ts';

const when = (iso: string) => iso.replace('T', ' ').slice(0, 16);
const peopleIn = (counts: Record<string, number>) => `${counts.contacts ?? 0} people`;

/** What happened to the database, and the commands that fix it, with the latest backup named. */
export async function recoveryAdvice(core: Core): Promise<string> {
  const status = await core.call('recovery.status', {});
  const latest = status.backups[0];
  const lines = [
    `Rapport did not open the data folder: ${status.detail}`,
    'Nothing was changed. Ways out:',
    latest
      ? `  rapport restore --backup latest   restore the backup of ${when(latest.createdAt)} (${peopleIn(latest.counts)}) from ${status.backupFolder}`
      : `  (no backups were found in ${status.backupFolder})`,
    '  rapport restore FILE               restore a Rapport archive (.json) you exported',
    '  rapport start-empty --yes          keep the old file aside (in safety-copies/) and start an empty profile',
  ];
  if (status.safetyCopies.length)
    lines.push(`Safety copies of the database are in ${core.dataDir}/safety-copies (${status.safetyCopies.length}).`);
  return lines.join('\n');
}

export async function restoreCommand(
  core: Core,
  io: Io,
  options: ({ file: string } | { backup: string } | { safetyCopy: string }) & { overwrite: boolean; json: boolean },
): Promise<number> {
  // A lost or damaged database has nothing to overwrite: its file is kept aside either way.
  const overwrite = options.overwrite || core.database.state !== 'ok';
  let counts: Record<string, number>;
  if ('safetyCopy' in options) {
    const copies = await core.call('recovery.safetyCopies', {});
    const name = options.safetyCopy === 'latest' ? copies[0]?.name : options.safetyCopy;
    if (!name || !copies.some((c) => c.name === name)) {
      io.err(
        copies.length
          ? `No safety copy is called ${options.safetyCopy}. There are: ${copies.map((c) => c.name).join(', ')}.`
          : `There is no safety copy in ${core.dataDir}/safety-copies.`,
      );
      return EXIT.failed;
    }
    if (!overwrite) {
      io.err(`Putting back ${name} replaces everything in this profile (kept as a safety copy in turn): add --yes.`);
      return EXIT.usage;
    }
    counts = { contacts: (await core.operations.restoreSafetyCopy(name)).people };
  } else if ('file' in options) {
    let text: string;
    try {
      text = readFileSync(options.file, 'utf8');
    } catch (error) {
      io.err(`Cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      return EXIT.failed;
    }
    ({ counts } = await core.operations.restoreArchive(basename(options.file), text, overwrite));
  } else {
    let name = options.backup;
    if (name === 'latest') {
      const backups = await core
        .call('backup.list', {})
        .catch(async () => (await core.call('recovery.status', {})).backups);
      if (!backups[0]) {
        io.err('There is no backup to restore.');
        return EXIT.failed;
      }
      name = backups[0].name;
    }
    ({ counts } = await core.operations.restoreBackup(name, overwrite));
  }
  if (options.json) io.out(JSON.stringify({ counts }, null, 2));
  else io.out(`Restored ${peopleIn(counts)}. The data that was there before is kept in ${core.dataDir}/safety-copies.`);
  return EXIT.ok;
}

export async function startEmptyCommand(core: Core, io: Io): Promise<number> {
  await core.operations.startEmpty();
  io.out(`Started an empty profile. The old database file is kept in ${core.dataDir}/safety-copies.`);
  return EXIT.ok;
}

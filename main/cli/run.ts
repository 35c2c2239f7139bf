/**
 * Argument parsing and dispatch for `rapport` (main/cli.ts). Usage errors exit 2, a data folder
 * held by a running Rapport exits 3 with that process's message, anything else that fails exits 1.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportPolicy } from '../../shared/ipc/channels/interchange.ts';
import { systemClock } from '../core/clock.ts';
import type { Core } from '../core/core.ts';
import { DataDirLockedError, DataDirUnusableError } from '../core/data-dir/lock.ts';
import { defaultDataDir } from '../core/paths.ts';
import type { Io } from './commands.ts';

/** Exit codes; duplicated from commands.ts so `--help` and usage errors never load the database code. */
const EXIT = { ok: 0, failed: 1, usage: 2, locked: 3, recovery: 4 } as const;
/** Commands that work while the database is missing or damaged: the ways out. */
const RECOVERY_COMMANDS = new Set(['restore', 'start-empty']);

export const HELP = `Usage: rapport [--data-dir DIR] <command> [options]

Commands:
  import FILE [--dry-run] [--json] [--policy merge|skip|create]
                      import a vCard, LinkedIn Connections.csv or Google Contacts CSV
  export --format vcard3|vcard4|json --out FILE   (--out - writes to standard output)
  backup now [--json] write, verify and rotate a backup in the backup folder
  stats [--json]      count what the data folder holds
  rebuild [--json]    recompute derived data (timelines, the people index) from the source data
  restore FILE [--yes] [--json]
                      replace everything with a Rapport archive (.json); --yes if the folder holds data
  restore --backup NAME|latest [--yes] [--json]
  restore --safety-copy NAME|latest [--yes] [--json]   put back a copy from safety-copies/
                      replace everything with a backup from the backup folder
  start-empty --yes   when the database is lost or damaged: keep it aside and start an empty profile

Options:
  --data-dir DIR      the data folder (default: ${defaultDataDir()})
  --progress          print the progress of an import or restore on standard error
  --help              show this text

Exit codes: 0 done, 1 failed, 2 usage error, 3 the data folder is in use by a running Rapport,
4 the database is missing or damaged (the message says how to restore it).
See docs/cli.md for the JSON shapes.`;

const FORMATS = ['vcard3', 'vcard4', 'json'] as const;

/** Runs one CLI invocation; returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        policy: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        backup: { type: 'string' },
        'safety-copy': { type: 'string' },
        yes: { type: 'boolean' },
        progress: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${HELP}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err)(HELP);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const usage = (message: string) => {
    io.err(`${message}\n\n${HELP}`);
    return EXIT.usage;
  };

  // Loaded only once the arguments are known to be good: the core takes most of start-up time.
  const { backupNowCommand, exportCommand, importCommand, rebuildCommand, statsCommand } =
    await import('./commands.ts');
  const { recoveryAdvice, restoreCommand, startEmptyCommand } = await import('./restore-commands.ts');
  let action: (core: Core) => Promise<number>;
  const json = values.json ?? false;
  if (command === 'import') {
    if (rest.length !== 1) return usage('import needs exactly one FILE.');
    const policy = values.policy === undefined ? undefined : ImportPolicy.safeParse(values.policy).data;
    if (values.policy !== undefined && !policy)
      return usage(`--policy must be merge, skip or create, not "${values.policy}".`);
    action = (core) =>
      importCommand(core, systemClock, io, {
        file: resolve(rest[0]!),
        dryRun: values['dry-run'] ?? false,
        json,
        policy,
      });
  } else if (command === 'export') {
    const format = FORMATS.find((f) => f === values.format);
    if (!format) return usage(`export needs --format ${FORMATS.join('|')}.`);
    if (!values.out) return usage('export needs --out FILE (or --out - for standard output).');
    const out = values.out === '-' ? '-' : resolve(values.out);
    action = (core) => exportCommand(core, systemClock, io, { format, out });
  } else if (command === 'backup') {
    if (rest[0] !== 'now') return usage('The backup command is "rapport backup now".');
    action = (core) => backupNowCommand(core, io, json);
  } else if (command === 'stats') {
    action = (core) => statsCommand(core, io, json);
  } else if (command === 'rebuild') {
    action = (core) => rebuildCommand(core, io, json);
  } else if (command === 'restore') {
    const safetyCopy = values['safety-copy'];
    if ([rest.length === 1, values.backup !== undefined, safetyCopy !== undefined].filter(Boolean).length !== 1)
      return usage(
        'restore needs exactly one of: an archive FILE, --backup NAME (or latest), or --safety-copy NAME (or latest).',
      );
    const source =
      values.backup !== undefined
        ? { backup: values.backup }
        : safetyCopy !== undefined
          ? { safetyCopy }
          : { file: resolve(rest[0]!) };
    action = (core) => restoreCommand(core, io, { ...source, overwrite: values.yes ?? false, json });
  } else if (command === 'start-empty') {
    if (!values.yes) return usage('start-empty replaces the lost or damaged database with an empty one: add --yes.');
    action = (core) => startEmptyCommand(core, io);
  } else {
    return usage(`Unknown command "${command}".`);
  }

  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  let core: Core;
  try {
    const { openCore } = await import('../core/core.ts');
    // No background jobs: a command never runs a backup or sends a notification it was not asked for.
    core = await openCore({ dataDir, mode: 'desktop', version: version(), clock: systemClock });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      io.err(
        `${error.message}\nQuit that Rapport first; the CLI does not write while the app has the data folder open.`,
      );
      return EXIT.locked;
    }
    io.err(
      error instanceof DataDirUnusableError
        ? error.message
        : `Rapport could not open ${dataDir}: ${(error as Error).message}`,
    );
    return EXIT.failed;
  }
  if (values.progress) {
    const print = ({ phase, done, total }: { phase: string; done: number; total: number }) =>
      io.err(`progress ${phase} ${done}/${total}`);
    core.on('app.progress', print);
    core.on('interchange.progress', print);
  }
  try {
    if (core.database.state === 'needs-recovery' && !RECOVERY_COMMANDS.has(command)) {
      io.err(await recoveryAdvice(core));
      return EXIT.recovery;
    }
    return await action(core);
  } catch (error) {
    io.err(`rapport ${command} failed: ${(error as Error).message}`);
    return EXIT.failed;
  } finally {
    await core.close();
  }
}

function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
}

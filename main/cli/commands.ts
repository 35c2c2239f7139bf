/**
 * The CLI's commands, over a core opened on the data folder. Each returns the process exit code;
 * output goes through `io` so the shapes documented in docs/cli.md are all produced here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { defaultAction, type ImportPolicy } from '../../shared/ipc/channels/interchange.ts';
import { exportArchive } from '../core/backup/archive.ts';
import type { Clock } from '../core/clock.ts';
import type { Core } from '../core/core.ts';
import { exportPeopleVCard } from '../core/interchange/area.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const EXIT = { ok: 0, failed: 1, usage: 2, locked: 3, recovery: 4 } as const;

const problemLine = (p: { file: string; line: number; severity: string; message: string }) =>
  `${p.file}:${p.line}: ${p.severity}: ${p.message}`;

export async function importCommand(
  core: Core,
  clock: Clock,
  io: Io,
  options: { file: string; dryRun: boolean; json: boolean; policy: ImportPolicy | undefined },
): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(options.file);
  } catch (error) {
    io.err(`Cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return EXIT.failed;
  }
  const fileName = basename(options.file);
  const imports = core.imports;
  const preview = await imports.preview(fileName, bytes);
  const planned = imports.planned(preview.sessionId);
  const failed = preview.cards.length === 0 && preview.problems.some((p) => p.severity === 'error');
  const actionOf = (i: number) => defaultAction(planned[i]!.match, options.policy);
  const sameAsLines = (i: number) => planned[i]!.sameAs.map((r) => planned[r.index]!.line);

  if (options.dryRun) {
    imports.cancel(preview.sessionId);
    if (options.json) {
      const people = planned.map((card, i) => ({
        line: card.line,
        status: card.match.status,
        action: actionOf(i),
        matches: card.match.matches.map((m) => m.id),
        ...(card.sameAs.length ? { sameAs: sameAsLines(i) } : {}),
        person: card.fields,
      }));
      io.out(JSON.stringify({ file: fileName, format: preview.format, people, problems: preview.problems }, null, 2));
    } else {
      const { counts } = preview;
      io.out(
        `${fileName} (${preview.format}): ${preview.cards.length} people — ${counts.new} new, ${counts.match} matching someone, ${counts.conflict} in conflict${counts.duplicate ? `, ${counts.duplicate} the same person as an earlier line` : ''}`,
      );
      for (const [i, card] of preview.cards.entries()) {
        const status =
          card.status === 'duplicate'
            ? `same person as line ${sameAsLines(i)[0]}`
            : `${card.status}${card.sameAs ? `, looks like line ${sameAsLines(i).join(', ')} but kept apart` : ''}`;
        io.out(`  line ${card.line}: ${card.displayName} — ${status}, would ${actionOf(i)}`);
      }
      for (const p of preview.problems) io.err(problemLine(p));
      io.out('Dry run: nothing was written.');
    }
    return failed ? EXIT.failed : EXIT.ok;
  }

  const summary = await imports.commit(preview.sessionId, options.policy, []);
  if (options.json)
    io.out(JSON.stringify({ file: fileName, format: preview.format, summary, problems: preview.problems }, null, 2));
  else {
    for (const p of preview.problems) io.err(problemLine(p));
    io.out(
      `Imported ${fileName}: ${summary.created} created, ${summary.merged} merged, ${summary.skipped} skipped, ${summary.interactions} "Connected on LinkedIn" entries.`,
    );
  }
  return failed ? EXIT.failed : EXIT.ok;
}

export async function exportCommand(
  core: Core,
  clock: Clock,
  io: Io,
  options: { format: 'vcard3' | 'vcard4' | 'json'; out: string },
): Promise<number> {
  const { text, count } =
    options.format === 'json'
      ? await exportArchive(core.db, clock).then((a) => ({ text: a.text, count: a.counts.contacts ?? 0 }))
      : await exportPeopleVCard(core.db, {
          version: options.format === 'vcard4' ? '4.0' : '3.0',
          includeArchived: true,
        });
  if (options.out === '-') process.stdout.write(text);
  else {
    writeFileSync(options.out, text);
    io.err(`Exported ${count} people to ${options.out}`);
  }
  return EXIT.ok;
}

export async function backupNowCommand(core: Core, io: Io, json: boolean): Promise<number> {
  const result = await core.request('backup.runNow', {});
  if (!result.ok) {
    io.err(result.error.message);
    return EXIT.failed;
  }
  const { folder } = await core.call('backup.getSettings', {});
  const info = result.value;
  if (json) io.out(JSON.stringify({ ...info, folder: folder ?? null }, null, 2));
  else io.out(`Backup ${info.name} written and verified (${info.counts.contacts ?? 0} people).`);
  return EXIT.ok;
}

export async function statsCommand(core: Core, io: Io, json: boolean): Promise<number> {
  const counts: Record<string, number> = {};
  for (const [name, collection] of Object.entries(core.db.collections).sort(([a], [b]) => a.localeCompare(b)))
    counts[name] = await collection.count().exec();
  const listed = await core.request('backup.list', {});
  const backups = listed.ok ? listed.value : [];
  if (json)
    io.out(
      JSON.stringify({ counts, backups: { count: backups.length, latest: backups[0]?.createdAt ?? null } }, null, 2),
    );
  else {
    for (const [name, n] of Object.entries(counts)) io.out(`${name.padEnd(20)} ${n}`);
    io.out(`${'backups'.padEnd(20)} ${backups.length}${backups[0] ? ` (latest ${backups[0].createdAt})` : ''}`);
  }
  return EXIT.ok;
}

export async function rebuildCommand(core: Core, io: Io, json: boolean): Promise<number> {
  const report = await core.projection.rebuild();
  if (json) io.out(JSON.stringify(report, null, 2));
  else
    io.out(
      `Rebuilt derived data for ${report.people} people and ${report.participations} timeline entries; ${report.changed} rows were out of date.` +
        (report.search
          ? ` The search index holds ${report.search.people} people and ${report.search.interactions} interactions again.`
          : ''),
    );
  return EXIT.ok;
}

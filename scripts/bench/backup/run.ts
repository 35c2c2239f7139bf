/**
 * One fresh process, with the core of the tree given by --root (this one, or a baseline worktree):
 * a backup of --data into --out (`backup.runNow`), timed, with the event loop's longest stall
 * while it runs (what a request waits at worst) and the process's peak resident memory before and
 * after. With --read FILE instead, it reads an archive as a restore does (`readArchive`). Prints
 * one JSON line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { root: { type: 'string' }, data: { type: 'string' }, out: { type: 'string' }, read: { type: 'string' } },
});
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const tree = (path: string) => pathToFileURL(join(values.root!, path)).href;

if (values.read) {
  const { readArchive } = (await import(tree('main/core/backup/archive.ts'))) as {
    readArchive: (text: string, fileName: string) => Promise<Record<string, unknown[]>>;
  };
  const started = performance.now();
  const documents = await readArchive(readFileSync(values.read, 'utf8'), 'archive.json');
  const ms = performance.now() - started;
  const count = Object.values(documents).reduce((n, docs) => n + docs.length, 0);
  console.log(JSON.stringify({ ms, peakMb: peakMb(), count }));
} else {
  const { openCore } = (await import(tree('main/core/core.ts'))) as {
    openCore: (o: object) => Promise<{
      request(c: string, i: object): Promise<{ ok: boolean; value?: { bytes: number }; error?: { message: string } }>;
      call(c: string, i: object): Promise<unknown>;
      close(): Promise<void>;
    }>;
  };
  const core = await openCore({ dataDir: values.data, mode: 'browser', version: 'bench' });
  await core.call('backup.setSettings', { frequency: 'off', folder: values.out, keepDaily: 7, keepWeekly: 4 });
  const openedMb = peakMb();
  let longestStall = 0;
  let last = performance.now();
  const sampler = setInterval(() => {
    const now = performance.now();
    longestStall = Math.max(longestStall, now - last - 10);
    last = now;
  }, 10);
  const started = performance.now();
  const result = await core.request('backup.runNow', {});
  const ms = performance.now() - started;
  clearInterval(sampler);
  const out = { ms, openedMb, peakMb: peakMb(), longestStallMs: longestStall, ok: result.ok };
  console.log(
    JSON.stringify(result.ok ? { ...out, bytes: result.value!.bytes } : { ...out, error: result.error!.message }),
  );
  await core.close();
}

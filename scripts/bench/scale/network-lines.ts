/**
 * bench:scale's Network lines: the Network screen's suggested introductions, and the network panel
 * each person page shows, this tree against the baseline (cold.ts --network). Before intro-network.ts
 * every looking-for text was tried against every can-help text: at 50k people about 154 million
 * pairs, minutes with the core answering nothing else. A side still busy after `STOP_AFTER_MS`
 * is stopped and printed as such; that side's tree then opens and closes the folder it held, so
 * the check an unclean stop asks for is done, and the folder keeps the format that tree wrote.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const STOP_AFTER_MS = 60_000;

interface NetworkRun {
  suggestionsMs: number;
  againMs: number;
  panelMaxMs: number;
  longestBlockMs: number;
  rssMb: number;
}

type Row = (metric: string, target: string, now: string, before?: string, ratio?: string) => void;

function runCold(root: string, tree: string, data: string, flag: string, timeout?: number) {
  return spawnSync(
    process.execPath,
    [join(root, 'scripts/bench/scale/cold.ts'), '--root', tree, '--data', data, flag],
    {
      encoding: 'utf8',
      ...(timeout ? { timeout, killSignal: 'SIGKILL' as const } : {}),
    },
  );
}

function runNetwork(root: string, tree: string, data: string): NetworkRun | undefined {
  const out = runCold(root, tree, data, '--network', STOP_AFTER_MS);
  if (out.error && (out.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    const checked = runCold(root, tree, data, '--open-only');
    if (checked.status !== 0) throw new Error(checked.stderr);
    return undefined;
  }
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as NetworkRun;
}

export function networkLines(
  root: string,
  sides: { now: string; before: string; dataOf: (tree: string) => string },
  row: Row,
): void {
  const now = runNetwork(root, sides.now, sides.dataOf(sides.now));
  const before = runNetwork(root, sides.before, sides.dataOf(sides.before));
  const stopped = `> ${STOP_AFTER_MS / 1000} s (stopped)`;
  const line = (metric: string, pick: (run: NetworkRun) => number) => {
    const a = now && pick(now);
    const b = before && pick(before);
    const shown = (x: number | undefined, run: NetworkRun | undefined) => (run ? `${x!.toFixed(1)} ms` : stopped);
    row(
      metric,
      '-',
      shown(a, now),
      shown(b, before),
      a !== undefined && b !== undefined ? `${(a / b).toFixed(2)}× baseline` : '',
    );
  };
  line('Network: suggested introductions, first ask', (r) => r.suggestionsMs);
  line('then again (everyone read already)', (r) => r.againMs);
  line("then a person page's network panel (slowest of three)", (r) => r.panelMaxMs);
  line('the longest any other request waited meanwhile', (r) => r.longestBlockMs);
  const mb = (run: NetworkRun | undefined) => (run ? `${run.rssMb.toFixed(0)} MB` : stopped);
  row('resident memory after the Network screen and those three cards', '< 250 MB', mb(now), mb(before));
}

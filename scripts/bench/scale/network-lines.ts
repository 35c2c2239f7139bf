/**
 * bench:scale's Network lines: the Network screen's suggested introductions, and the network panel
 * each person page shows, this tree against the baseline (cold.ts --network). Before intro-network.ts
 * every looking-for text was tried against every can-help text: at 50k people about 154 million
 * pairs, minutes with the core answering nothing else. A side still busy after `STOP_AFTER_MS`
 * is stopped and printed as such; the folder it held is then opened and closed once by this tree,
 * so the check an unclean stop asks for is done before anything else is timed on it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { openCore } from '../../../main/core/core.ts';

const STOP_AFTER_MS = 60_000;

interface NetworkRun {
  suggestionsMs: number;
  againMs: number;
  panelMaxMs: number;
  longestBlockMs: number;
}

type Row = (metric: string, target: string, now: string, before?: string, ratio?: string) => void;

function runNetwork(root: string, tree: string, data: string): NetworkRun | undefined {
  const out = spawnSync(
    process.execPath,
    [join(root, 'scripts/bench/scale/cold.ts'), '--root', tree, '--data', data, '--network'],
    { encoding: 'utf8', timeout: STOP_AFTER_MS, killSignal: 'SIGKILL' },
  );
  if (out.error && (out.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return undefined;
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as NetworkRun;
}

export async function networkLines(
  root: string,
  sides: { now: string; before: string; dataOf: (tree: string) => string },
  row: Row,
): Promise<void> {
  const now = runNetwork(root, sides.now, sides.dataOf(sides.now));
  const before = runNetwork(root, sides.before, sides.dataOf(sides.before));
  if (!before) {
    const core = await openCore({ dataDir: sides.dataOf(sides.before), mode: 'browser', version: 'bench' });
    await core.close();
  }
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
}

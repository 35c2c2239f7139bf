/**
 * bench:scale's two storage lines, from a run of both bench:storage scripts (about 90 s on a quiet
 * 2-core machine): every read against raw node:sqlite doing the same select and parse, and every
 * metric against Dexie. The full tables are `npm run bench:storage`'s.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RAW_LIMIT, type StorageVerdict } from '../storage-report.ts';

export interface StorageLines {
  vsRaw: string;
  vsDexie: string;
}

export function storageLines(root: string, scratch: string): StorageLines {
  const verdicts: StorageVerdict[] = [];
  for (const script of ['storage-rxdb', 'storage-dataset']) {
    const summary = join(scratch, `${script}.json`);
    const out = spawnSync(process.execPath, [join(root, 'scripts/bench', `${script}.ts`), '--summary', summary], {
      encoding: 'utf8',
      cwd: root,
    });
    if (out.status !== 0) throw new Error(`${script} failed:\n${out.stderr}`);
    const { verdicts: found } = JSON.parse(readFileSync(summary, 'utf8')) as { verdicts: StorageVerdict[] };
    verdicts.push(...found);
  }
  const judged = (key: 'vsRaw' | 'vsDexie', pass: (ratio: number) => boolean) => {
    const rows = verdicts.filter((v) => v[key] !== undefined) as (StorageVerdict & Record<typeof key, number>)[];
    const failing = rows.filter((v) => !pass(v[key]));
    const list = failing.map((v) => `${v.metric} ${v[key].toFixed(2)}×`).join(', ');
    return `${rows.length - failing.length} of ${rows.length}${failing.length ? `; not: ${list}` : ''}`;
  };
  return {
    vsRaw: judged('vsRaw', (r) => r <= RAW_LIMIT),
    vsDexie: judged('vsDexie', (r) => r < 1),
  };
}

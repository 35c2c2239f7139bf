/**
 * The people index re-derived at a start (`PEOPLE_INDEX_VERSION`) writes its rows, then the state
 * that says it is done. A process SIGKILLed anywhere in that start leaves a folder whose next
 * start finishes the job: the index equals a fresh derivation and the data is as before.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { inArea } from '../area.ts';
import { openCore } from '../core.ts';
import { copyFolder, state, writePeople } from '../lifecycle/kill-harness.ts';
import { childScript } from '../testing/child-script.ts';

const NOW = '2026-03-01T09:00:00.000Z';

/** A folder as a version before the index's last change left it: other sort names, no index version. */
async function olderIndex(dir: string): Promise<void> {
  await writePeople(dir, 1500, 'k');
  const core = await openCore({ dataDir: dir, mode: 'desktop', version: 'kill' });
  const index = core.db.people_index.internalStorageInstance;
  const rows = await index.query(core.db.people_index.find().getPreparedQuery());
  const writes = rows.documents.map((previous) => ({
    previous,
    document: { ...previous, sortName: `~${previous.sortName}`, _rev: `${previous._rev}x`, _meta: { lwt: Date.now() } },
  }));
  expect((await index.bulkWrite(writes, 'test')).error).toEqual([]);
  const projection = (await core.db.settings.findOne('projection').exec())!.toMutableJSON();
  const { peopleIndex: _done, ...older } = projection.value as { peopleIndex?: number };
  await inArea('settings', () => core.db.settings.upsert({ ...projection, value: older }));
  await core.close();
}

/** Opens the folder in a child process (re-deriving the index) and SIGKILLs it after `ms`. */
function openAndKill(dir: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = fork(childScript('child-core-process'), [dir, NOW, '{}'], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('message', () => child.kill('SIGKILL'));
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

it('leaves a folder whose next start finishes the people index, wherever the start was killed', async () => {
  const work = mkdtempSync(join(tmpdir(), 'rapport-kill-reindex-'));
  try {
    const template = join(work, 'template');
    await olderIndex(template);
    // Without a kill: the index is re-derived and the data is what every killed round must reach.
    const calibration = copyFolder(template);
    const after = await state(calibration);
    rmSync(calibration, { recursive: true, force: true });
    for (const ms of [150, 400, 700, 1000, 1400, 1900]) {
      const round = copyFolder(template);
      await openAndKill(round, ms);
      // `state` opens the folder, checks every derived row against a fresh derivation and snapshots the data.
      expect(await state(round)).toBe(after);
      rmSync(round, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}, 120_000);

import { getHeightOfRevision } from 'rxdb';
import { expect, it, vi } from 'vitest';
import { fixedClock } from '../clock.ts';
import { openDatabase } from '../db/database.ts';
import { createStorage } from '../db/storage.ts';
import { createSettingsStore } from '../settings/settings-store.ts';
import { makeTempDir } from '../storage/test-helpers.ts';
import { createProjectionStateStore, PROJECTION_STATE, type ProjectionState } from './state.ts';

const state = (n: number): ProjectionState => ({ version: 1, checkpoints: { contacts: { id: `c${n}`, lwt: n } } });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('writes the newest checkpoints once for a burst, at once when asked, and nothing after closing', async () => {
  const temp = makeTempDir('rapport-projection-state-');
  const db = await openDatabase(createStorage(temp.dir));
  try {
    const settings = createSettingsStore(db, fixedClock('2026-03-18T12:00:00Z'));
    const errors: unknown[] = [];
    const store = createProjectionStateStore(
      settings,
      (work) => work(),
      (e) => errors.push(e),
      30,
    );
    const stored = async () => {
      const doc = await db.settings.findOne(PROJECTION_STATE.id).exec();
      return doc && { value: doc.toJSON().value, writes: getHeightOfRevision(doc.revision) };
    };

    for (const n of [1, 2, 3]) store.update(state(n));
    expect(await stored()).toBeNull();
    // Reads see the newest at once.
    expect(await store.read()).toEqual(state(3));
    await vi.waitFor(async () => expect(await stored()).toEqual({ value: state(3), writes: 1 }));

    store.update(state(4));
    await store.save();
    expect(await stored()).toEqual({ value: state(4), writes: 2 });
    await pause(100);
    expect((await stored())?.writes).toBe(2);

    store.update(state(5));
    store.close();
    await pause(100);
    expect(await stored()).toEqual({ value: state(4), writes: 2 });
    expect(errors).toEqual([]);
  } finally {
    await db.close();
    temp.dispose();
  }
});

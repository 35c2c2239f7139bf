/**
 * Where the projector got to in each source collection's change feed: this device's own
 * bookkeeping, in settings. The newest checkpoints are kept in memory and written a little later,
 * once for a burst of writes, so an edit waits for one fsync (its own) rather than two. A crash
 * before that write only makes the next start project those changes again, which changes nothing
 * twice (projector.ts); closing writes them.
 */
import { z } from 'zod';
import { settingsKey, type SettingsStore } from '../settings/settings-store.ts';

const Checkpoint = z.object({ id: z.string(), lwt: z.number() });
const ProjectionState = z.object({
  version: z.number().int(),
  /** `PEOPLE_INDEX_VERSION` the people index was last derived with (absent: before there was one). */
  peopleIndex: z.number().int().optional(),
  checkpoints: z.object({
    contacts: Checkpoint.optional(),
    interactions: Checkpoint.optional(),
    details: Checkpoint.optional(),
  }),
});
export type ProjectionState = z.infer<typeof ProjectionState>;

export const PROJECTION_STATE = settingsKey({
  id: 'projection',
  label: 'how far the search and lists are up to date',
  schema: ProjectionState,
  fallback: { version: 0, checkpoints: {} },
  scope: 'device',
});

/** How long the newest checkpoints may wait in memory before they are written. */
const SAVE_STATE_AFTER_MS = 2_000;

export interface ProjectionStateStore {
  /** The newest state: the one in memory if it is newer than the one written. */
  read(): Promise<ProjectionState>;
  /** Keeps `state` as the newest and writes it within SAVE_STATE_AFTER_MS (through `run`). */
  update(state: ProjectionState): void;
  /** Writes the newest state now if it is not written yet (before a rebuild is reported, at close). */
  save(): Promise<void>;
  /** Stops the pending timer (`save` first to keep the newest). */
  close(): void;
}

/** `run` serialises a write with the projector's passes (its `exclusive`). */
export function createProjectionStateStore(
  settings: SettingsStore,
  run: (work: () => Promise<void>) => Promise<void>,
  onError: (error: unknown) => void,
  afterMs = SAVE_STATE_AFTER_MS,
): ProjectionStateStore {
  let unsaved: ProjectionState | undefined;
  let timer: NodeJS.Timeout | undefined;

  async function save(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const state = unsaved;
    if (!state) return;
    await settings.write(PROJECTION_STATE, state);
    // A newer state kept while this one was written stays to be written.
    if (unsaved === state) unsaved = undefined;
  }

  return {
    read: async () => unsaved ?? (await settings.read(PROJECTION_STATE)),
    update(state) {
      unsaved = state;
      timer ??= setTimeout(() => void run(save).catch(onError), afterMs);
      timer.unref();
    },
    save,
    close: () => clearTimeout(timer),
  };
}

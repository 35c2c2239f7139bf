import { now as rxNow, type RxStorageDefaultCheckpoint } from 'rxdb';

/** How far before now a change feed is read again when its checkpoint cannot be trusted. */
export const REPLAY_MS = 5_000;

/**
 * A checkpoint stamped later than now (the clock ran fast when it was saved, or has been set back
 * since) would skip every write stamped before it, which is every write made from now on. Such a
 * feed is read from a moment ago instead: this process stamps its writes after its own start, and
 * reading a document again changes nothing. Larger jumps rebuild (projector.ts).
 */
export function notAhead(checkpoint: RxStorageDefaultCheckpoint): RxStorageDefaultCheckpoint {
  const now = rxNow();
  return checkpoint.lwt > now ? { id: '', lwt: now - REPLAY_MS } : checkpoint;
}

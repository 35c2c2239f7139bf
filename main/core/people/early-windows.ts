/**
 * The People windows answered from the index while everyone is being read at the start
 * (index-window.ts): each is read when it is asked for and again after every change, one read at
 * a time so that pushes follow the writes' order. Once everyone is read they follow the full lists.
 */
import { recogniseUnchanged, sendWindow, type Watcher, type WindowView } from './window-push.ts';

interface EarlyWindow<Request> {
  readonly request: Request;
  readonly watcher: Watcher;
  readonly fail: (error: unknown) => void;
}

export interface EarlyWindows<Request> {
  /** Answers `request` from the index until `stop` is called. */
  add(request: Request, watcher: Watcher, fail: (error: unknown) => void): { stop(): void };
  /** Something changed: every early window is read again. */
  changed(): void;
}

/**
 * @param answering whether windows are still answered from the index (not once everyone is read)
 * @param read the window's content now, straight from the index; undefined when the index cannot
 *   answer it in a short read (it then waits for the full lists)
 */
export function createEarlyWindows<Request>(
  answering: () => boolean,
  read: (request: Request) => Promise<WindowView | undefined>,
): EarlyWindows<Request> {
  const windows = new Set<EarlyWindow<Request>>();
  const stale = new Set<EarlyWindow<Request>>();
  let reading = false;

  async function readStale() {
    // A Set visits what is added while it is iterated: a window gone stale again is read again.
    for (const window of stale) {
      stale.delete(window);
      if (!answering() || !windows.has(window)) continue;
      try {
        const view = await read(window.request);
        // Too long a read for the index: it waits for the full lists, and is not read again.
        if (!view) {
          windows.delete(window);
          stale.delete(window);
          continue;
        }
        // Gone, or following the full lists already: those send it what differs. Changed during a
        // read of several steps: it may hold a row twice or miss one, and is read again.
        if (!answering() || !windows.has(window) || stale.has(window)) continue;
        const fresh = new Map(view.window.map((entry) => [entry.item.id, entry]));
        recogniseUnchanged(window.watcher, (id) => fresh.get(id));
        sendWindow(window.watcher, view);
      } catch (error) {
        window.fail(error);
      }
    }
  }

  function readAgain() {
    if (reading || !stale.size) return;
    reading = true;
    void readStale().finally(() => {
      reading = false;
      readAgain();
    });
  }

  return {
    add(request, watcher, fail) {
      const window = { request, watcher, fail };
      windows.add(window);
      stale.add(window);
      readAgain();
      return {
        stop() {
          windows.delete(window);
          stale.delete(window);
        },
      };
    },
    changed() {
      if (!answering()) return;
      for (const window of windows) stale.add(window);
      readAgain();
    },
  };
}

import { ClientMessage, type ServerMessage } from '../../../shared/ipc/wire.ts';
import { assertNever } from '../../../shared/assert-never.ts';
import { describeIssues, toFieldIssues } from '../../../shared/ipc/result.ts';
import type { Dispatcher } from './dispatcher.ts';

/** Live queries one connection may hold at once; a screen needs a handful, a runaway loop thousands. */
export const MAX_LIVE_QUERIES = 200;

export interface Session {
  /** Handles one raw message from a renderer; a malformed one is answered when it names a request id. */
  receive(raw: unknown): void;
  /** Stops every live query of this connection (window closed, socket gone). */
  close(): void;
}

/** The id of a message that failed validation, if it carries a usable one (so the sender can be answered). */
function idOf(raw: unknown): { id: string; type: 'response' | 'push' } | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const { id, type } = raw as { id?: unknown; type?: unknown };
  if (typeof id !== 'string' || id.length === 0 || id.length > 100) return undefined;
  return { id, type: type === 'subscribe' ? 'push' : 'response' };
}

/**
 * One connected renderer (an Electron window or a browser tab). The same code serves both
 * transports, so browser mode exercises exactly what the desktop app runs.
 */
export function createSession(
  dispatcher: Dispatcher,
  send: (message: ServerMessage) => void,
  onProtocolError: (problem: string) => void = (problem) => console.warn(`[rapport] ${problem}`),
): Session {
  const live = new Map<string, () => void>();
  let closed = false;
  const deliver = (message: ServerMessage) => {
    if (!closed) send(message);
  };

  return {
    receive(raw) {
      const parsed = ClientMessage.safeParse(raw);
      if (!parsed.success) {
        const problem = `A malformed message was refused: ${describeIssues(toFieldIssues(parsed.error))}`;
        onProtocolError(problem);
        const sender = idOf(raw);
        if (sender) {
          deliver({
            type: sender.type,
            id: sender.id,
            result: { ok: false, error: { code: 'invalid_input', message: problem } },
          });
        }
        return;
      }
      const message = parsed.data;
      switch (message.type) {
        case 'request':
          void dispatcher
            .request(message.channel, message.input)
            .then((result) => deliver({ type: 'response', id: message.id, result }));
          return;
        case 'subscribe': {
          live.get(message.id)?.();
          if (!live.has(message.id) && live.size >= MAX_LIVE_QUERIES) {
            deliver({
              type: 'push',
              id: message.id,
              result: {
                ok: false,
                error: {
                  code: 'unavailable',
                  message: `This window already follows ${MAX_LIVE_QUERIES} live views; close some before opening more.`,
                },
              },
            });
            return;
          }
          live.set(
            message.id,
            dispatcher.subscribe(message.channel, message.input, (result) =>
              deliver({ type: 'push', id: message.id, result }),
            ),
          );
          return;
        }
        case 'unsubscribe':
          live.get(message.id)?.();
          live.delete(message.id);
          return;
        default:
          assertNever(message);
      }
    },
    close() {
      closed = true;
      for (const stop of live.values()) stop();
      live.clear();
    },
  };
}

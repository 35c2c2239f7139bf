import { ClientMessage, type ServerMessage } from '../../../shared/ipc/wire.ts';
import { assertNever } from '../../../shared/assert-never.ts';
import type { Dispatcher } from './dispatcher.ts';

export interface Session {
  /** Handles one raw message from a renderer; malformed messages are dropped and reported. */
  receive(raw: unknown): void;
  /** Stops every live query of this connection (window closed, socket gone). */
  close(): void;
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
        onProtocolError(`Dropped a malformed message: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
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

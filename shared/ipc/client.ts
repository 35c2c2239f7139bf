import {
  eventNames,
  requestChannels,
  subscriptionChannels,
  type EventName,
  type EventPayload,
  type RequestChannel,
  type RequestInput,
  type RequestOutput,
  type SubscriptionChannel,
  type SubscriptionInput,
  type SubscriptionOutput,
} from './contract.ts';
import type { Result } from './result.ts';
import { MAX_MESSAGE_BYTES, utf8Length, type ClientMessage, type ServerMessage } from './wire.ts';

export type Unsubscribe = () => void;

type Channel = RequestChannel | SubscriptionChannel;
type AreaOf<C extends string> = C extends `${infer A}.${string}` ? A : never;
type ApiFunction<C extends Channel> = C extends RequestChannel
  ? (input: RequestInput<C>) => Promise<Result<RequestOutput<C>>>
  : C extends SubscriptionChannel
    ? (input: SubscriptionInput<C>, onResult: (result: Result<SubscriptionOutput<C>>) => void) => Unsubscribe
    : never;

/** `window.rapport`: one method per contract channel, grouped by area (`rapport.contacts.create`). */
export type RapportApi = {
  [A in AreaOf<Channel>]: { [C in Channel as C extends `${A}.${infer M}` ? M : never]: ApiFunction<C> };
} & {
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): Unsubscribe;
};

/** A duplex message pipe to main: Electron IPC in the desktop app, a WebSocket in browser mode. */
export interface Link {
  send(message: ClientMessage): void;
  onMessage(listener: (message: ServerMessage) => void): void;
  /** Called after the pipe was re-established, so live queries can be re-sent. */
  onReconnect?(listener: () => void): void;
}

/**
 * Builds the typed API from the contract's channel names over any link. Requests resolve to a
 * `Result`, never reject; subscriptions call back with every pushed result until unsubscribed.
 */
export function createClient(link: Link): RapportApi {
  let lastId = 0;
  const nextId = () => String(++lastId);
  const pending = new Map<string, (result: Result<unknown>) => void>();
  const live = new Map<string, { message: ClientMessage; onResult: (result: Result<unknown>) => void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  link.onMessage((message) => {
    if (message.type === 'response') {
      pending.get(message.id)?.(message.result as Result<unknown>);
      pending.delete(message.id);
    } else if (message.type === 'push') {
      live.get(message.id)?.onResult(message.result as Result<unknown>);
    } else {
      for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
    }
  });
  link.onReconnect?.(() => {
    for (const resolve of pending.values()) {
      resolve({
        ok: false,
        error: { code: 'unavailable', message: 'The connection to Rapport was interrupted. Try again.' },
      });
    }
    pending.clear();
    for (const { message } of live.values()) link.send(message);
  });

  const api: Record<string, unknown> = {};
  const area = (channel: string) => {
    const [name = ''] = channel.split('.');
    return (api[name] ??= {}) as Record<string, unknown>;
  };
  const method = (channel: string) => channel.slice(channel.indexOf('.') + 1);

  for (const channel of requestChannels) {
    area(channel)[method(channel)] = (input: unknown) =>
      new Promise<Result<unknown>>((resolve) => {
        const id = nextId();
        const message: ClientMessage = { type: 'request', id, channel, input };
        const bytes = utf8Length(JSON.stringify(message));
        if (bytes > MAX_MESSAGE_BYTES) {
          const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
          resolve({
            ok: false,
            error: {
              code: 'invalid_input',
              message: `That is too large to send in one message (${mb(bytes)} MB; the limit is ${mb(MAX_MESSAGE_BYTES)} MB). Large files are sent as an upload.`,
            },
          });
          return;
        }
        pending.set(id, resolve);
        link.send(message);
      });
  }
  for (const channel of subscriptionChannels) {
    area(channel)[method(channel)] = (input: unknown, onResult: (result: Result<unknown>) => void): Unsubscribe => {
      const id = nextId();
      const message: ClientMessage = { type: 'subscribe', id, channel, input };
      live.set(id, { message, onResult });
      link.send(message);
      return () => {
        if (live.delete(id)) link.send({ type: 'unsubscribe', id });
      };
    };
  }
  api.on = (name: string, listener: (payload: unknown) => void): Unsubscribe => {
    if (!(eventNames as string[]).includes(name)) throw new Error(`Unknown event "${name}"`);
    const set = listeners.get(name) ?? new Set();
    listeners.set(name, set);
    set.add(listener);
    return () => set.delete(listener);
  };
  return api as RapportApi;
}

import type { z } from 'zod';
import { createClient, type RapportApi } from '../../shared/ipc/client.ts';
import {
  contract,
  type Contract,
  type RequestChannel,
  type RequestOutput,
  type SubscriptionChannel,
  type SubscriptionOutput,
} from '../../shared/ipc/contract.ts';
import { toFieldIssues, type RapportError } from '../../shared/ipc/result.ts';
import type { ClientMessage, ServerMessage } from '../../shared/ipc/wire.ts';

type Parsed<S> = S extends z.ZodType ? z.output<S> : never;
type Maybe<T> = T | Promise<T>;

/** Handlers typed from the contract: a fake can only accept what main accepts and answer what main may answer. */
export interface FakeHandlers {
  requests?: {
    [C in RequestChannel]?: (input: Parsed<Contract['requests'][C]['input']>) => Maybe<RequestOutput<C> | RapportError>;
  };
  subscriptions?: {
    [C in SubscriptionChannel]?: (
      input: Parsed<Contract['subscriptions'][C]['input']>,
      push: (value: SubscriptionOutput<C> | RapportError) => void,
    ) => void | (() => void);
  };
  /** These channels (or every channel) answer with an error whose message names the channel. */
  failing?: readonly (RequestChannel | SubscriptionChannel)[] | 'all';
}

export interface FakeRapport {
  api: RapportApi;
  /** Every request and subscription the screen made, in order. */
  calls: { channel: string; input: unknown }[];
  /** Channels answered with an error, for checking that each one reached the screen. */
  failed: Set<string>;
}

/** The error a failing channel answers with; its message names the channel so a test can find it. */
export const failureOf = (channel: string): RapportError => ({
  code: 'internal',
  message: `${channel} is broken in this test`,
});
const isError = (value: unknown): value is RapportError =>
  typeof value === 'object' && value !== null && 'code' in value && 'message' in value && !('id' in value);

/**
 * Installs `window.rapport` built by the real client (`createClient`) over an in-memory link.
 * Inputs are parsed with the contract's input schemas and outputs with its output schemas, like
 * main does, so a fake that answers what the contract forbids fails the test. A channel the
 * test did not fake fails loudly.
 */
export function installFakeRapport(handlers: FakeHandlers = {}): FakeRapport {
  const calls: FakeRapport['calls'] = [];
  const failed = new Set<string>();
  const stops = new Map<string, () => void>();
  let deliver: (message: ServerMessage) => void = () => {};
  const later = (message: ServerMessage) => setTimeout(() => deliver(message), 0);
  const failing = (channel: string) =>
    handlers.failing === 'all' || (handlers.failing as readonly string[] | undefined)?.includes(channel);

  const send = (message: ClientMessage) => {
    if (message.type === 'unsubscribe') {
      stops.get(message.id)?.();
      stops.delete(message.id);
      return;
    }
    const { id, channel } = message;
    calls.push({ channel, input: message.input });
    const isRequest = message.type === 'request';
    const spec = isRequest
      ? contract.requests[channel as RequestChannel]
      : contract.subscriptions[channel as SubscriptionChannel];
    if (!spec) throw new Error(`The contract has no channel "${channel}".`);
    const type = isRequest ? ('response' as const) : ('push' as const);
    const answer = (value: unknown) => {
      if (isError(value)) return later({ type, id, result: { ok: false, error: value } });
      const output = spec.output.safeParse(value);
      if (!output.success)
        throw new Error(`The fake for ${channel} answered what the contract forbids: ${output.error.message}`);
      later({ type, id, result: { ok: true, value: output.data } });
    };
    if (failing(channel)) {
      failed.add(channel);
      return answer(failureOf(channel));
    }
    // Like main: input the contract refuses is answered with `invalid_input` and the field issues.
    const parsed = spec.input.safeParse(message.input);
    if (!parsed.success)
      return answer({
        code: 'invalid_input',
        message: 'Check the highlighted fields.',
        details: toFieldIssues(parsed.error),
      });
    const input = parsed.data;
    if (isRequest) {
      const handler = (handlers.requests as Record<string, (i: unknown) => unknown> | undefined)?.[channel];
      if (!handler) throw new Error(`Test called ${channel}, which it did not fake.`);
      void Promise.resolve(handler(input)).then(answer);
    } else {
      const handler = (handlers.subscriptions as Record<string, (i: unknown, p: (v: unknown) => void) => unknown>)?.[
        channel
      ];
      if (!handler) throw new Error(`Test subscribed to ${channel}, which it did not fake.`);
      const stop = handler(input, answer);
      if (typeof stop === 'function') stops.set(id, stop as () => void);
    }
  };
  const api = createClient({ send, onMessage: (listener) => (deliver = listener) });
  window.rapport = api;
  return { api, calls, failed };
}

/** Every channel the contract has, for tests that make them all fail. */
export const everyChannel = [
  ...(Object.keys(contract.requests) as RequestChannel[]),
  ...(Object.keys(contract.subscriptions) as SubscriptionChannel[]),
];

import type { Observable } from 'rxjs';
import {
  contract,
  type RequestChannel,
  type RequestOutput,
  type SubscriptionChannel,
  type SubscriptionOutput,
} from '../../../shared/ipc/contract.ts';
import { AppError, fail, ok, toFieldIssues, describeIssues, type Result } from '../../../shared/ipc/result.ts';
import type { z } from 'zod';

type ParsedInput<S> = S extends z.ZodType ? z.output<S> : never;

export type RequestHandlers = {
  [C in RequestChannel]: (input: ParsedInput<(typeof contract.requests)[C]['input']>) => Promise<RequestOutput<C>>;
};
export type SubscriptionHandlers = {
  [C in SubscriptionChannel]: (
    input: ParsedInput<(typeof contract.subscriptions)[C]['input']>,
  ) => Observable<SubscriptionOutput<C>>;
};

export interface Dispatcher {
  /** Parses the input, runs the handler, parses the output. Never rejects. */
  request(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Runs a live query; every emission (or failure) reaches `onResult`. Returns the stop function. */
  subscribe(channel: string, input: unknown, onResult: (result: Result<unknown>) => void): () => void;
}

export interface DispatcherOptions {
  /** Where unexpected failures are reported; the caller only sees a generic message. */
  logError?: (error: unknown, channel: string) => void;
}

const isRequestChannel = (c: string): c is RequestChannel => Object.hasOwn(contract.requests, c);
const isSubscriptionChannel = (c: string): c is SubscriptionChannel => Object.hasOwn(contract.subscriptions, c);

export function createDispatcher(
  requests: RequestHandlers,
  subscriptions: SubscriptionHandlers,
  options: DispatcherOptions = {},
): Dispatcher {
  const logError = options.logError ?? ((error, channel) => console.error(`[rapport] ${channel} failed:`, error));

  const toFailure = (error: unknown, channel: string): Result<never> => {
    if (error instanceof AppError) {
      return fail({ code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) });
    }
    logError(error, channel);
    // The user sees this after "Could not <what they asked for>"; the channel and the error are for the log.
    return fail({
      code: 'internal',
      message: 'Something went wrong that Rapport did not expect. Try again; if it keeps happening, restart Rapport.',
    });
  };

  const parseInput = (schema: z.ZodType, channel: string, input: unknown): Result<unknown> => {
    const parsed = schema.safeParse(input);
    if (parsed.success) return ok(parsed.data);
    const details = toFieldIssues(parsed.error);
    // Forms show each field's message beside it (details); the message alone reads in a toast, so
    // it names no channel and no field path. The log keeps both for whoever sent it.
    console.warn(`[rapport] ${channel} refused its input: ${describeIssues(details)}`);
    const more = details.length - 1;
    const message = `${details[0]?.message ?? 'This was refused'}${more ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : ''}`;
    return fail({ code: 'invalid_input', message, details });
  };

  /** Output is parsed too: a handler bug must not leak fields the contract does not promise. */
  const parseOutput = (schema: z.ZodType, channel: string, value: unknown): Result<unknown> => {
    const parsed = schema.safeParse(value);
    return parsed.success
      ? ok(parsed.data)
      : toFailure(new Error(`Output of ${channel} broke the contract: ${parsed.error.message}`), channel);
  };

  return {
    async request(channel, input) {
      if (!isRequestChannel(channel))
        return fail({ code: 'unknown_channel', message: `There is no request channel "${channel}".` });
      const { input: inSchema, output: outSchema } = contract.requests[channel];
      const parsed = parseInput(inSchema, channel, input);
      if (!parsed.ok) return parsed;
      try {
        const handler = requests[channel] as (input: unknown) => Promise<unknown>;
        return parseOutput(outSchema, channel, await handler(parsed.value));
      } catch (error) {
        return toFailure(error, channel);
      }
    },

    subscribe(channel, input, onResult) {
      if (!isSubscriptionChannel(channel)) {
        onResult(fail({ code: 'unknown_channel', message: `There is no subscription channel "${channel}".` }));
        return () => {};
      }
      const { input: inSchema, output: outSchema } = contract.subscriptions[channel];
      const parsed = parseInput(inSchema, channel, input);
      if (!parsed.ok) {
        onResult(parsed);
        return () => {};
      }
      try {
        const handler = subscriptions[channel] as (input: unknown) => Observable<unknown>;
        const subscription = handler(parsed.value).subscribe({
          next: (value) => onResult(parseOutput(outSchema, channel, value)),
          error: (error: unknown) => onResult(toFailure(error, channel)),
        });
        return () => subscription.unsubscribe();
      } catch (error) {
        onResult(toFailure(error, channel));
        return () => {};
      }
    },
  };
}

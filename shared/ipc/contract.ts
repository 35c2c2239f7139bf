import { z } from 'zod';
import { ContactFields, ContactSummary, Contact } from '../domain/contact.ts';

/**
 * The whole IPC surface between the renderer and main, in one place. Adding a channel here is
 * enough for the preload, the browser bridge, the dispatcher types and the renderer client.
 * Channel names are `area.verb`. Inputs are parsed in main; outputs are parsed before they leave.
 */
export const Screen = z.enum(['today', 'timeline', 'people', 'practice', 'starters', 'settings']);
export type Screen = z.infer<typeof Screen>;

export const contract = {
  requests: {
    'app.info': {
      input: z.object({}),
      output: z.object({
        version: z.string(),
        mode: z.enum(['desktop', 'browser']),
        dataDir: z.string(),
        /** False while the core runs on an in-memory storage: nothing survives a restart. */
        persistent: z.boolean(),
      }),
    },
    'contacts.create': { input: ContactFields, output: Contact },
    'contacts.get': { input: z.object({ id: z.string().min(1) }), output: Contact },
  },
  /** Live queries: main pushes a fresh result whenever the underlying data changes. */
  subscriptions: {
    'contacts.watch': {
      input: z.object({ includeArchived: z.boolean().default(false) }),
      output: z.array(ContactSummary),
    },
  },
  /** Pushed by main without a request. */
  events: {
    /** The desktop shell (menu, tray) asks the window to show a screen. */
    'app.navigate': z.object({ screen: Screen }),
  },
} as const;

export type Contract = typeof contract;
export type RequestChannel = keyof Contract['requests'];
export type SubscriptionChannel = keyof Contract['subscriptions'];

export type RequestInput<C extends RequestChannel> = z.input<Contract['requests'][C]['input']>;
export type RequestOutput<C extends RequestChannel> = z.output<Contract['requests'][C]['output']>;
export type SubscriptionInput<C extends SubscriptionChannel> = z.input<Contract['subscriptions'][C]['input']>;
export type SubscriptionOutput<C extends SubscriptionChannel> = z.output<Contract['subscriptions'][C]['output']>;

export type EventName = keyof Contract['events'];
export type EventPayload<E extends EventName> = z.output<Contract['events'][E]>;

export const requestChannels = Object.keys(contract.requests) as RequestChannel[];
export const subscriptionChannels = Object.keys(contract.subscriptions) as SubscriptionChannel[];
export const eventNames = Object.keys(contract.events) as EventName[];

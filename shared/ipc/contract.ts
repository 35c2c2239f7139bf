import type { z } from 'zod';
import { appRequests } from './channels/app.ts';
import { eventsEvents, eventsRequests, eventsSubscriptions } from './channels/events.ts';
import { cardsEvents, cardsRequests } from './channels/cards.ts';
import { interchangeEvents, interchangeRequests, interchangeSubscriptions } from './channels/interchange.ts';
import { lifecycleEvents, lifecycleRequests } from './channels/lifecycle.ts';
import { networkRequests, networkSubscriptions } from './channels/network.ts';
import { peopleRequests, peopleSubscriptions } from './channels/people.ts';
import { practiceEvents, practiceRequests, practiceSubscriptions } from './channels/practice.ts';
import { remindersEvents, remindersRequests, remindersSubscriptions } from './channels/reminders.ts';
import { syncRequests, syncSubscriptions } from './channels/sync.ts';

export { Screen } from './channels/app.ts';
export { LogInteractionInput, TimelineFilter } from './channels/people.ts';

/**
 * The whole IPC surface between the renderer and main. Each area declares its channels in
 * `channels/<area>.ts` (channel → zod input and output); this file joins them. Adding a channel
 * there is enough for the preload, the browser bridge, the dispatcher types and the renderer
 * client. Channel names are `area.verb`. Inputs are parsed in main; outputs are parsed before
 * they leave.
 */
export const contract = {
  requests: {
    ...appRequests,
    ...lifecycleRequests,
    ...peopleRequests,
    ...remindersRequests,
    ...interchangeRequests,
    ...practiceRequests,
    ...syncRequests,
    ...eventsRequests,
    ...networkRequests,
    ...cardsRequests,
  },
  /** Live queries: main pushes a fresh result whenever the underlying data changes. */
  subscriptions: {
    ...peopleSubscriptions,
    ...remindersSubscriptions,
    ...interchangeSubscriptions,
    ...practiceSubscriptions,
    ...syncSubscriptions,
    ...eventsSubscriptions,
    ...networkSubscriptions,
  },
  /** Pushed by main without a request. */
  events: {
    ...lifecycleEvents,
    ...remindersEvents,
    ...interchangeEvents,
    ...practiceEvents,
    ...eventsEvents,
    ...cardsEvents,
  },
} as const;

export type Contract = typeof contract;
export type RequestChannel = keyof Contract['requests'];
export type SubscriptionChannel = keyof Contract['subscriptions'];
export type EventName = keyof Contract['events'];

export type RequestInput<C extends RequestChannel> = z.input<Contract['requests'][C]['input']>;
export type RequestOutput<C extends RequestChannel> = z.output<Contract['requests'][C]['output']>;
export type SubscriptionInput<C extends SubscriptionChannel> = z.input<Contract['subscriptions'][C]['input']>;
export type SubscriptionOutput<C extends SubscriptionChannel> = z.output<Contract['subscriptions'][C]['output']>;
export type EventPayload<E extends EventName> = z.output<Contract['events'][E]>;

export const requestChannels = Object.keys(contract.requests) as RequestChannel[];
export const subscriptionChannels = Object.keys(contract.subscriptions) as SubscriptionChannel[];
export const eventNames = Object.keys(contract.events) as EventName[];

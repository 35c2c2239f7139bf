import type { EventName, EventPayload, RequestChannel, SubscriptionChannel } from '../../shared/ipc/contract.ts';
import type { Clock } from './clock.ts';
import type { ContactsService } from './contacts/contacts-service.ts';
import type { RapportDatabase } from './db/database.ts';
import type { DetailsService } from './details/details-service.ts';
import type { InteractionsService } from './interactions/interactions-service.ts';
import type { RequestHandlers, SubscriptionHandlers } from './ipc/dispatcher.ts';
import type { Notifier } from './ports.ts';
import type { SettingsService } from './settings/settings-service.ts';
import type { TrashService } from './trash/trash-service.ts';

/** What every area of the core is built from; created once in core.ts. */
export interface CoreContext {
  db: RapportDatabase;
  clock: Clock;
  dataDir: string;
  mode: 'desktop' | 'browser';
  contacts: ContactsService;
  interactions: InteractionsService;
  details: DetailsService;
  settings: SettingsService;
  trash: TrashService;
  /** Desktop notifications where the shell provides them; absent in browser mode and tests. */
  notifier: Notifier | undefined;
  /** Pushes an event to every connected renderer. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

/** One area's slice of the IPC handlers, plus what it must stop when the core closes. */
export interface AreaHandlers<R extends RequestChannel, S extends SubscriptionChannel> {
  requests: Pick<RequestHandlers, R>;
  subscriptions: Pick<SubscriptionHandlers, S>;
  close?(): Promise<void> | void;
}

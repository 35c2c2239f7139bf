import { randomUUID } from 'node:crypto';
import { auditTime, combineLatest, distinctUntilChanged, map, merge, switchMap, type Observable } from 'rxjs';
import { starters as library } from '../../../shared/content/library.ts';
import type { Channel, Starter } from '../../../shared/content/schema.ts';
import type { OwnStarter, OwnStarterFields } from '../../../shared/domain/practice/model.ts';
import { suggestStarters, type Suggestion } from '../../../shared/domain/starters/personalise.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { today$, todayOf, type Clock } from '../clock.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { DetailsService } from '../details/details-service.ts';

/** The settings document (shared `settings` collection) listing favourite starter ids. */
export const FAVOURITES_ID = 'starter-favourites';
/** Interaction types that happen at a named event, whose title can fill `{event}`. */
const EVENT_TYPES: ReadonlySet<string> = new Set(['conference', 'meet-up', 'course']);

export interface SuggestRequest {
  contactId: string;
  channel?: Channel | undefined;
  limit: number;
}

export interface SuggestOptions {
  /**
   * Whether `private` details may be used. True only for the main window's person page;
   * notifications, the tray or anything exported must pass false. `sensitive` is never used.
   */
  allowPrivate: boolean;
}

export interface StartersService {
  /** Creates (`id` undefined) or replaces one of the user's own starters. @throws AppError `not_found`. */
  saveOwn(id: string | undefined, fields: OwnStarterFields): Promise<OwnStarter>;
  deleteOwn(id: string): Promise<boolean>;
  /** Sets whether a starter (library or own) is a favourite; returns every favourite id. */
  setFavourite(starterId: string, favourite: boolean): Promise<string[]>;
  watchMine(): Observable<{ own: OwnStarter[]; favourites: string[] }>;
  /** Ready-to-send lines for one person. @throws AppError `not_found` for an unknown person. */
  suggestFor(request: SuggestRequest, options: SuggestOptions): Promise<Suggestion[]>;
  /** `suggestFor`, re-run when the person, their details, interactions, own starters or favourites change. */
  watchSuggestions(request: SuggestRequest, options: SuggestOptions): Observable<Suggestion[]>;
}

/** What a person is called in a message: their nickname, given name, or the first word of their name. */
export function firstNameOf(contact: {
  displayName: string;
  givenName?: string | undefined;
  nickname?: string | undefined;
}): string {
  return contact.nickname?.trim() || contact.givenName?.trim() || contact.displayName.trim().split(/\s+/)[0] || '';
}

const readFavourites = (value: unknown): string[] => {
  const ids = (value as { ids?: unknown } | undefined)?.ids;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
};

export function createStartersService(
  db: RapportDatabase,
  clock: Clock,
  details: Pick<DetailsService, 'openFor'>,
  newId: () => string = randomUUID,
): StartersService {
  const now = () => clock.now().toISOString();
  const favourites = async () => readFavourites((await db.settings.findOne(FAVOURITES_ID).exec())?.value);
  const ownStarters = async () => (await db.user_starters.find().exec()).map((d) => d.toMutableJSON() as OwnStarter);

  /** The person's last interaction's event name, when it was at one. */
  async function lastEventName(contactId: string): Promise<string | undefined> {
    const newest = await db.participations
      .findOne({
        selector: { contactId },
        sort: [{ contactId: 'desc' }, { sortKey: 'desc' }, { id: 'desc' }],
        index: ['contactId', 'sortKey'],
      })
      .exec();
    if (!newest) return undefined;
    const interaction = await db.interactions.findOne(newest.interactionId).exec();
    return interaction && EVENT_TYPES.has(interaction.type) && interaction.title ? interaction.title : undefined;
  }

  async function suggestFor(request: SuggestRequest, options: SuggestOptions): Promise<Suggestion[]> {
    const contact = await db.contacts.findOne(request.contactId).exec();
    if (!contact) throw new AppError('not_found', 'That person no longer exists.');
    const [open, favs, own, eventName] = await Promise.all([
      details.openFor(request.contactId),
      favourites(),
      ownStarters(),
      lastEventName(request.contactId),
    ]);
    // Own starters join the library with the same rules; their ids ("own-…") never clash with it.
    const all: Starter[] = [
      ...library,
      ...own.map(({ id, text, situation, channel, tone }) => ({ id, text, situation, channel, tone })),
    ];
    return suggestStarters(
      {
        person: { firstName: firstNameOf(contact) },
        details: open.map(({ id, text, sensitivity, status, learnedOn }) => ({
          id,
          text,
          sensitivity,
          status,
          learnedOn,
        })),
        lastInteractionOn: contact.lastInteractionOn,
        lastEventName: eventName,
        channel: request.channel,
        today: todayOf(clock),
        favourites: favs,
        limit: request.limit,
        allowPrivate: options.allowPrivate,
      },
      all,
    );
  }

  return {
    async saveOwn(id, fields) {
      const existing = id ? await db.user_starters.findOne(id).exec() : null;
      if (id && !existing) throw new AppError('not_found', 'That starter no longer exists.');
      const stamp = now();
      const starter: OwnStarter = {
        ...fields,
        id: id ?? `own-${newId().toLowerCase()}`,
        createdAt: existing?.createdAt ?? stamp,
        updatedAt: stamp,
      };
      await db.user_starters.upsert(starter);
      return starter;
    },

    async deleteOwn(id) {
      const doc = await db.user_starters.findOne(id).exec();
      if (!doc) return false;
      await doc.remove();
      await this.setFavourite(id, false);
      return true;
    },

    async setFavourite(starterId, favourite) {
      const current = await favourites();
      const next = favourite ? [...new Set([...current, starterId])] : current.filter((id) => id !== starterId);
      if (next.length !== current.length)
        await db.settings.upsert({ id: FAVOURITES_ID, value: { ids: next }, updatedAt: now() });
      return next;
    },

    watchMine() {
      const own$ = db.user_starters
        .find()
        .$.pipe(
          map((docs) =>
            docs.map((d) => d.toMutableJSON() as OwnStarter).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)),
          ),
        );
      const favs$ = db.settings.findOne(FAVOURITES_ID).$.pipe(map((doc) => readFavourites(doc?.value)));
      return combineLatest([own$, favs$]).pipe(map(([own, favourites]) => ({ own, favourites })));
    },

    suggestFor,

    watchSuggestions(request, options) {
      const changes = merge(
        today$(clock),
        db.contacts.findOne(request.contactId).$,
        db.details.$,
        db.participations.$,
        db.user_starters.$,
        db.settings.findOne(FAVOURITES_ID).$,
      );
      return changes.pipe(
        auditTime(20),
        switchMap(() => suggestFor(request, options)),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      );
    },
  };
}

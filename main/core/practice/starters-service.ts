import { randomUUID } from 'node:crypto';
import { auditTime, combineLatest, distinctUntilChanged, map, merge, switchMap, type Observable } from 'rxjs';
import { currentStarterId, libraryStarters } from '../../../shared/content/library.ts';
import { normalisePlaceholders } from '../../../shared/content/placeholders.ts';
import type { Channel, Starter } from '../../../shared/content/schema.ts';
import { OwnStarter, type OwnStarterFields } from '../../../shared/domain/practice/model.ts';
import { balanceWith } from '../interactions/reads.ts';
import { suggestStarters, type LastInteraction, type Suggestion } from '../../../shared/domain/starters/personalise.ts';
import { ownStarterAsStarter } from '../../../shared/domain/starters/starter-facts.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { today$, todayOf, type Clock } from '../clock.ts';
import { z } from 'zod';
import type { RapportDatabase } from '../db/database.ts';
import type { DetailsApi } from '../details/area.ts';
import { settingsKey, type SettingsStore } from '../settings/settings-store.ts';
import { settledDocument, type SettleChoice } from '../sync/settle-set-aside.ts';
import type { Trash } from '../trash/trash.ts';
import type { UserStarterDocument } from './collections.ts';

/** Favourite starter ids (library or own). */
export const FAVOURITES = settingsKey({
  id: 'starter-favourites',
  label: 'your favourite starters',
  // No fallback for the list: a list this version cannot read is refused on update (settings-store.ts)
  // rather than read as empty and written back over every favourite.
  schema: z.object({ ids: z.array(z.string()) }),
  fallback: { ids: [] },
  scope: 'synced',
});

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
  /**
   * Deletes one of your starters into the trash (the token undoes it exactly: the same id, its
   * set-aside values), un-starring it in the same operation; says whether it was a favourite, so
   * an Undo can star it again.
   */
  deleteOwn(id: string): Promise<{ undoToken: string; wasFavourite: boolean } | undefined>;
  /** Puts back (`use`) or forgets (`dismiss`) a value a sync merge set aside on one of your starters. */
  settleSetAside(id: string, conflictId: string, choice: SettleChoice): Promise<OwnStarter>;
  /** Sets whether a starter (library or own) is a favourite; returns every favourite id. */
  setFavourite(starterId: string, favourite: boolean): Promise<string[]>;
  watchMine(): Observable<{ own: OwnStarter[]; favourites: string[] }>;
  /** Ready-to-send lines for one person. @throws AppError `not_found` for an unknown person. */
  suggestFor(request: SuggestRequest, options: SuggestOptions): Promise<Suggestion[]>;
  /** `suggestFor`, re-run when the person, their details, interactions, own starters or favourites change. */
  watchSuggestions(request: SuggestRequest, options: SuggestOptions): Observable<Suggestion[]>;
}

/**
 * What a person is called in a message: their nickname (the first, when a card lists several, as
 * vCard's comma-separated NICKNAME does), given name, or the first word of their name.
 */
export function firstNameOf(contact: {
  displayName: string;
  givenName?: string | undefined;
  nickname?: string | undefined;
}): string {
  return (
    contact.nickname?.split(',')[0]?.trim() ||
    contact.givenName?.trim() ||
    contact.displayName.trim().split(/\s+/)[0] ||
    ''
  );
}

export function createStartersService(
  db: RapportDatabase,
  clock: Clock,
  settings: SettingsStore,
  details: () => Pick<DetailsApi, 'openFor'>,
  trash: Pick<Trash, 'discard'>,
  newId: () => string = randomUUID,
): StartersService {
  const now = () => clock.now().toISOString();
  const favourites = async () => (await settings.read(FAVOURITES)).ids;
  const ownStarters = async () => (await db.user_starters.find().exec()).map((d) => d.toMutableJSON() as OwnStarter);

  /** The person's last interaction; whether a practice session logged it decides if its title names an event. */
  async function lastInteraction(contactId: string): Promise<LastInteraction | undefined> {
    const newest = await db.participations
      .findOne({
        selector: { contactId },
        sort: [{ contactId: 'desc' }, { sortKey: 'desc' }, { id: 'desc' }],
        index: ['contactId', 'sortKey'],
      })
      .exec();
    const interaction = newest ? await db.interactions.findOne(newest.interactionId).exec() : null;
    if (!interaction) return undefined;
    const practice = await db.practice_sessions.findOne({ selector: { interactionId: interaction.id } }).exec();
    return {
      date: interaction.date,
      type: interaction.type,
      title: interaction.title,
      fromPractice: practice !== null,
    };
  }

  async function suggestFor(request: SuggestRequest, options: SuggestOptions): Promise<Suggestion[]> {
    const contact = await db.contacts.findOne(request.contactId).exec();
    if (!contact) throw new AppError('not_found', 'That person no longer exists.');
    const today = todayOf(clock);
    const [open, favs, own, last, balance, indexRow] = await Promise.all([
      details().openFor(request.contactId),
      favourites(),
      ownStarters(),
      lastInteraction(request.contactId),
      // Offers rank above asks when the balance is negative.
      balanceWith(db, request.contactId, today),
      db.people_index.findOne(request.contactId).exec(),
    ]);
    // Own starters join the library with the same rules; their ids ("own-…") never clash with it.
    const all: Starter[] = [...libraryStarters(), ...own.map(ownStarterAsStarter)];
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
        lastInteractionOn: indexRow?.lastInteractionOn || undefined,
        lastInteraction: last,
        giveAskBalance: balance,
        channel: request.channel,
        today,
        // A favourite of a line that was merged into another follows it.
        favourites: favs.map(currentStarterId).filter((id): id is string => id !== undefined),
        limit: request.limit,
        allowPrivate: options.allowPrivate,
      },
      all,
    );
  }

  const service: StartersService = {
    async saveOwn(id, fields) {
      const existing = id ? await db.user_starters.findOne(id).exec() : null;
      if (id && !existing) throw new AppError('not_found', 'That starter no longer exists.');
      const stamp = now();
      const starter: OwnStarter = {
        ...fields,
        // One placeholder syntax: "{firstName}" or "[Name]" are stored as "[name]".
        text: normalisePlaceholders(fields.text),
        id: id ?? `own-${newId().toLowerCase()}`,
        createdAt: existing?.createdAt ?? stamp,
        updatedAt: stamp,
      };
      await db.user_starters.upsert(starter);
      return starter;
    },

    async settleSetAside(id, conflictId, choice) {
      const doc = await db.user_starters.findOne(id).exec();
      if (!doc) throw new AppError('not_found', 'That starter no longer exists.');
      const settled = settledDocument(doc.toMutableJSON() as UserStarterDocument, conflictId, choice, OwnStarter);
      const next = { ...settled, updatedAt: now() };
      await db.user_starters.upsert(next);
      const { conflicts: _conflicts, editedAt: _editedAt, ...starter } = next;
      return starter;
    },

    async deleteOwn(id) {
      const doc = await db.user_starters.findOne(id).exec();
      if (!doc) return undefined;
      const wasFavourite = (await favourites()).includes(id);
      const undoToken = await trash.discard(
        'Deleted your starter',
        { user_starters: [doc.toMutableJSON() as UserStarterDocument] },
        async () => {
          await doc.remove();
          // Only a starred one: a favourites list this version cannot read must not block the delete.
          if (wasFavourite) await service.setFavourite(id, false);
        },
      );
      return { undoToken, wasFavourite };
    },

    async setFavourite(starterId, favourite) {
      // One read-change-write: two stars clicked at once both stay.
      const { ids } = await settings.update(FAVOURITES, ({ ids: current }) => {
        // A favourite kept under a retired id shows on the line that replaced it, so un-starring that line removes it too.
        const next = favourite
          ? [...new Set([...current, starterId])]
          : current.filter((id) => id !== starterId && currentStarterId(id) !== starterId);
        return next.length === current.length ? undefined : { ids: next };
      });
      return ids;
    },

    watchMine() {
      const own$ = db.user_starters
        .find()
        .$.pipe(
          map((docs) =>
            docs.map((d) => d.toMutableJSON() as OwnStarter).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)),
          ),
        );
      const favs$ = settings.watch(FAVOURITES).pipe(map((value) => value.ids));
      return combineLatest([own$, favs$]).pipe(map(([own, favourites]) => ({ own, favourites })));
    },

    suggestFor,

    watchSuggestions(request, options) {
      const changes = merge(
        today$(clock),
        db.contacts.findOne(request.contactId).$,
        db.details.$,
        db.participations.$,
        db.interactions.$,
        db.practice_sessions.$,
        db.user_starters.$,
        settings.watch(FAVOURITES),
      );
      return changes.pipe(
        auditTime(20),
        switchMap(() => suggestFor(request, options)),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      );
    },
  };
  return service;
}

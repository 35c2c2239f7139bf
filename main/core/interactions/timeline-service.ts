import { auditTime, merge, startWith, switchMap, type Observable } from 'rxjs';
import type { InteractionType } from '../../../shared/domain/interaction.ts';
import type { TimelineEntry, TimelinePage } from '../../../shared/domain/views.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { MangoQuery, RxDocumentData } from 'rxdb';
import { storedToInteraction, type InteractionDocument } from './schema.ts';
import { taggedTimeline } from './tagged-timeline.ts';

type Stored = RxDocumentData<InteractionDocument>;

export interface TimelineFilter {
  contactId?: string | undefined;
  types?: InteractionType[] | undefined;
  tag?: string | undefined;
}

export interface TimelineService {
  /** Entries newest first, `offset`..`offset+limit`. */
  page(filter: TimelineFilter, offset: number, limit: number): Promise<TimelinePage>;
  /** Where an entry stands among those `filter` matches (its offset), or null when it matches none. */
  position(filter: TimelineFilter, id: string): Promise<number | null>;
  /** How many entries match, re-emitted whenever interactions change (the list then re-fetches pages). */
  watchTotal(filter: TimelineFilter): Observable<{ total: number; revision: number }>;
}

/**
 * Pages come from index range scans: the global timeline from `interactions.sortKey`, a person's
 * from `participations[contactId, sortKey]`, a type filter from `interactions[type, sortKey]`.
 * A tag filter reads the tagged people's timelines and keeps the merged list (tagged-timeline.ts).
 */
export function createTimelineService(db: RapportDatabase): TimelineService {
  const tagged = taggedTimeline(db);

  /**
   * Those of `ids` whose interaction is of one of `types`, in order. A participation outlives its
   * deleted interaction until the projector's pass ends, so an id may have none.
   */
  async function ofTypes(ids: string[], types: readonly string[]): Promise<string[]> {
    const docs = await db.interactions.findByIds(ids).exec();
    return ids.filter((id) => {
      const type = docs.get(id)?.type;
      return type !== undefined && types.includes(type);
    });
  }

  /**
   * RxDB's planner never treats an index as satisfying a descending sort, so it may pick any
   * index and sort everything in memory; naming the index lets the storage scan it backwards.
   */
  function interactionQuery(filter: TimelineFilter): MangoQuery<InteractionDocument> {
    const [only, ...more] = filter.types ?? [];
    if (only && !more.length) {
      return {
        selector: { type: only },
        sort: [{ type: 'desc' as const }, { sortKey: 'desc' as const }, { id: 'desc' as const }],
        index: ['type', 'sortKey'],
      };
    }
    const selector = filter.types?.length ? { type: { $in: filter.types } } : {};
    return { selector, sort: [{ sortKey: 'desc' as const }, { id: 'desc' as const }], index: ['sortKey'] };
  }

  /** Names come from `people_index`: one small row per person (archived ones too), not the whole contact. */
  async function withPeople(docs: Stored[]): Promise<TimelineEntry[]> {
    const ids = [...new Set(docs.flatMap((d) => d.contactIds))];
    const rows = await db.people_index.findByIds(ids).exec();
    const names = new Map([...rows.values()].map((row) => [row.id, row.displayName]));
    return docs.map((d) => ({
      ...storedToInteraction(d),
      ...(d.conflicts?.length ? { setAside: d.conflicts } : {}),
      people: d.contactIds.flatMap((id) => {
        const displayName = names.get(id);
        return displayName === undefined ? [] : [{ id, displayName }];
      }),
    }));
  }

  // Documents as stored, read only: the view copies what it shows (storedToInteraction).
  async function inOrder(ids: string[]): Promise<Stored[]> {
    const byId = await db.interactions.findByIds(ids).exec();
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!._data] : []));
  }

  async function pageIds(
    filter: TimelineFilter,
    offset: number,
    limit: number,
  ): Promise<{ ids: string[]; total?: number; docs?: Stored[] }> {
    if (filter.tag) {
      const ids = await tagged(filter.tag, filter.types);
      return { ids: ids.slice(offset, offset + limit), total: ids.length };
    }
    if (filter.contactId) {
      const links = await db.participations
        .find({
          selector: { contactId: filter.contactId },
          sort: [{ contactId: 'desc' }, { sortKey: 'desc' }, { id: 'desc' }],
          index: ['contactId', 'sortKey'],
          skip: filter.types?.length ? 0 : offset,
          limit: filter.types?.length ? undefined : limit,
        })
        .exec();
      const ids = links.map((l) => l.interactionId);
      if (filter.types?.length) {
        const typed = await ofTypes(ids, filter.types);
        return { ids: typed.slice(offset, offset + limit), total: typed.length };
      }
      return { ids };
    }
    // The page's documents come with it: reading them again by id was a second read of each.
    const found = await db.interactions.find({ ...interactionQuery(filter), skip: offset, limit }).exec();
    const docs = found.map((d) => d._data);
    return { ids: docs.map((d) => d.id), docs };
  }

  async function count(filter: TimelineFilter): Promise<number> {
    if (filter.tag || (filter.contactId && filter.types?.length)) return (await pageIds(filter, 0, 0)).total ?? 0;
    if (filter.contactId) return db.participations.count({ selector: { contactId: filter.contactId } }).exec();
    return db.interactions.count({ selector: interactionQuery(filter).selector ?? {} }).exec();
  }

  /**
   * Entries come newest first by `sortKey`, which ends with the id and so is unique: an entry's
   * offset is how many matching entries have a greater key, counted on the index its pages scan.
   */
  async function position(filter: TimelineFilter, id: string): Promise<number | null> {
    if (filter.tag || (filter.contactId && filter.types?.length)) {
      const { ids } = await pageIds(filter, 0, Number.MAX_SAFE_INTEGER);
      const at = ids.indexOf(id);
      return at < 0 ? null : at;
    }
    const entry = await db.interactions.findOne(id).exec();
    if (!entry || (filter.types?.length && !filter.types.includes(entry.type))) return null;
    const newer = { $gt: entry.sortKey };
    if (filter.contactId) {
      if (!entry.contactIds.includes(filter.contactId)) return null;
      return db.participations.count({ selector: { contactId: filter.contactId, sortKey: newer } }).exec();
    }
    return db.interactions.count({ selector: { ...interactionQuery(filter).selector, sortKey: newer } }).exec();
  }

  return {
    position,
    async page(filter, offset, limit) {
      const { ids, docs } = await pageIds(filter, offset, limit + 1);
      const shown = docs ? docs.slice(0, limit) : await inOrder(ids.slice(0, limit));
      return { entries: await withPeople(shown), hasMore: ids.length > limit };
    },

    watchTotal(filter) {
      let revision = 0;
      // Any write to interactions, links or names can change a page; bursts (an import) coalesce.
      return merge(db.interactions.$, db.participations.$, db.people_index.$).pipe(
        auditTime(30),
        startWith(null),
        switchMap(async () => ({ total: await count(filter), revision: ++revision })),
      );
    },
  };
}

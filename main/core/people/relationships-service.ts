/**
 * Relationships between people. Each is stored on both people (the contacts collection, owned by
 * the people area), each side holding the kind as seen from it. Both sides are written in one
 * journalled operation (a bulk write is a write per document), so a crash never leaves one half.
 */
import { inverseKind, type Relationship, type RelationshipKind } from '../../../shared/domain/network/relationships.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import type { CoreContext } from '../context.ts';
import type { ContactDocument } from './schema.ts';

export interface RelationshipsService {
  /**
   * Records that `fromId` is `kind` to `toId` (and the inverse on `toId`), replacing the same kind
   * between them. @throws AppError `not_found` for an unknown person, `invalid_input` for one person twice.
   */
  relate(
    fromId: string,
    toId: string,
    kind: RelationshipKind,
    extra?: Pick<Relationship, 'label' | 'since' | 'introId'>,
  ): Promise<void>;
  /** Removes one relationship from both people; nothing happens when it is not there. */
  unrelate(fromId: string, toId: string, kind: RelationshipKind): Promise<void>;
  /** Merging people: the relationships of `fromId` move to `toId`, and everyone related to `fromId` now points at `toId`. */
  movePerson(fromId: string, toId: string): Promise<void>;
}

const sameEntry = (r: Relationship, contactId: string, kind: RelationshipKind) =>
  r.contactId === contactId && r.kind === kind;

export function createRelationshipsService(ctx: CoreContext): RelationshipsService {
  const { db, clock, projection } = ctx;
  const load = async (ids: string[]) => {
    const docs = await db.contacts.findByIds(ids).exec();
    return new Map([...docs].map(([id, d]) => [id, d.toMutableJSON() as ContactDocument]));
  };
  /** Writes the changed people, all or nothing; `before` holds them as they are now (loaded by `load`). */
  const write = (people: ContactDocument[], before: Map<string, ContactDocument>) =>
    ctx.journal.operation('changing a relationship', async () => {
      const at = clock.now().toISOString();
      ctx.journal.expect({ replacedPeople: people.map((p) => before.get(p.id)!) });
      await db.contacts.bulkUpsert(people.map((p) => ({ ...p, updatedAt: at })));
      await projection.settled();
    });
  const without = (p: ContactDocument, contactId: string, kind: RelationshipKind) =>
    (p.relationships ?? []).filter((r) => !sameEntry(r, contactId, kind));

  return {
    async relate(fromId, toId, kind, extra = {}) {
      if (fromId === toId) throw new AppError('invalid_input', 'Choose two different people.');
      const people = await load([fromId, toId]);
      const from = people.get(fromId);
      const to = people.get(toId);
      if (!from || !to) throw new AppError('not_found', 'One of those people no longer exists.');
      const entry = (contactId: string, k: RelationshipKind): Relationship => ({
        contactId,
        kind: k,
        ...(extra.label ? { label: extra.label } : {}),
        ...(extra.since ? { since: extra.since } : {}),
        ...(extra.introId ? { introId: extra.introId } : {}),
      });
      await write(
        [
          { ...from, relationships: [...without(from, toId, kind), entry(toId, kind)] },
          { ...to, relationships: [...without(to, fromId, inverseKind(kind)), entry(fromId, inverseKind(kind))] },
        ],
        people,
      );
    },

    async unrelate(fromId, toId, kind) {
      const people = await load([fromId, toId]);
      const changed: ContactDocument[] = [];
      for (const [person, other, k] of [
        [people.get(fromId), toId, kind],
        [people.get(toId), fromId, inverseKind(kind)],
      ] as const) {
        if (person?.relationships?.some((r) => sameEntry(r, other, k)))
          changed.push({ ...person, relationships: without(person, other, k) });
      }
      if (changed.length) await write(changed, people);
    },

    async movePerson(fromId, toId) {
      const from = (await load([fromId])).get(fromId);
      const moving = (from?.relationships ?? []).filter((r) => r.contactId !== toId);
      if (!moving.length) return;
      const people = await load([toId, ...moving.map((r) => r.contactId)]);
      const target = people.get(toId);
      if (!target) return;
      const keyOf = (r: Relationship) => `${r.contactId}|${r.kind}`;
      const targetKeys = new Set((target.relationships ?? []).map(keyOf));
      const changed = [
        {
          ...target,
          relationships: [
            ...(target.relationships ?? []).filter((r) => r.contactId !== fromId),
            ...moving.filter((r) => !targetKeys.has(keyOf(r))),
          ],
        },
      ];
      for (const other of new Set(moving.map((r) => r.contactId))) {
        const person = people.get(other);
        if (!person) continue;
        const seen = new Set<string>();
        const relationships = (person.relationships ?? [])
          .map((r) => (r.contactId === fromId ? { ...r, contactId: toId } : r))
          .filter((r) => (seen.has(keyOf(r)) ? false : (seen.add(keyOf(r)), true)));
        changed.push({ ...person, relationships });
      }
      await write(changed, people);
    },
  };
}

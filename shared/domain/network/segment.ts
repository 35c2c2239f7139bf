import { z } from 'zod';
import { Tier, type Contact } from '../contact.ts';
import { lazyObject } from '../../lazy-schema.ts';

/** Who an announcement goes to. Empty lists mean "not filtered by this". */
export const SegmentCriteria = lazyObject(() => ({
  tags: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  organisations: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  tiers: z.array(Tier).max(4).default([]),
  /** People chosen by hand: always in, whatever the filters say (unless archived). */
  contactIds: z.array(z.string().min(1).max(64)).max(500).default([]),
}));
export type SegmentCriteria = z.infer<typeof SegmentCriteria>;

export type SegmentPerson = Pick<Contact, 'id' | 'displayName' | 'tags' | 'organisation' | 'tier' | 'archived'>;

const fold = (text: string) => text.trim().toLocaleLowerCase();

/**
 * The people a segment selects, by name.
 *
 * Rule: a person is in when they match every filter that is set (any of its tags, any of its
 * organisations, any of its tiers; tags and organisations compared without case) or when they were
 * chosen by hand. With no filter set, only the chosen people are in: an empty segment is never
 * "everyone". Archived people are never in.
 */
export function selectSegment<P extends SegmentPerson>(people: readonly P[], criteria: SegmentCriteria): P[] {
  const tags = new Set(criteria.tags.map(fold));
  const organisations = new Set(criteria.organisations.map(fold));
  const tiers = new Set(criteria.tiers);
  const chosen = new Set(criteria.contactIds);
  const anyFilter = tags.size + organisations.size + tiers.size > 0;
  const matches = (p: P) =>
    (tags.size === 0 || p.tags.some((t) => tags.has(fold(t)))) &&
    (organisations.size === 0 || (p.organisation !== undefined && organisations.has(fold(p.organisation)))) &&
    (tiers.size === 0 || (p.tier !== undefined && tiers.has(p.tier)));
  return people
    .filter((p) => !p.archived && (chosen.has(p.id) || (anyFilter && matches(p))))
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
}

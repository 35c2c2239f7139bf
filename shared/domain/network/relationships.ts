import { z } from 'zod';
import { lazyObject } from '../../lazy-schema.ts';

/**
 * How two people in the user's network are related. Stored on both people (people area,
 * relationships-service.ts); each side holds the kind as seen from it, so `introduced-by` on one
 * side is `introduced` on the other, and the symmetric kinds are the same on both.
 */
export const RelationshipKind = z.enum([
  /** This person was introduced to the user by the other one. */
  'introduced-by',
  /** This person introduced the other one to the user. */
  'introduced',
  /** The user introduced these two to each other. */
  'introduced-by-you',
  'works-with',
  'knows',
  /** Only where the user chooses to record it; `label` says how ("sister", "partner"). */
  'family',
]);
export type RelationshipKind = z.infer<typeof RelationshipKind>;

export const Relationship = lazyObject(() => ({
  contactId: z.string().min(1).max(64),
  kind: RelationshipKind,
  /** The user's own word for it, mostly for family ("sister"); at most 100 characters. */
  label: z.string().trim().min(1).max(100).optional(),
  /** The day it was recorded or began, `YYYY-MM-DD`. */
  since: z.iso.date().optional(),
  /**
   * "You introduced them" recorded by logging an introduction: that interaction's id. Undoing
   * the log takes the relationship away again, or hands it to another logged introduction of the
   * same two that remains. Absent when it came another way (an import, an older version): then
   * no undo takes it away.
   */
  introId: z.string().min(1).max(64).optional(),
}));
export type Relationship = z.infer<typeof Relationship>;

const INVERSE: Record<RelationshipKind, RelationshipKind> = {
  'introduced-by': 'introduced',
  introduced: 'introduced-by',
  'introduced-by-you': 'introduced-by-you',
  'works-with': 'works-with',
  knows: 'knows',
  family: 'family',
};

/** The kind the other person holds for the same relationship. */
export const inverseKind = (kind: RelationshipKind): RelationshipKind => INVERSE[kind];

/** How a person's page reads one of their relationships, followed by the other person's name. */
export const RELATIONSHIP_LABELS: Record<RelationshipKind, string> = {
  'introduced-by': 'Introduced to you by',
  introduced: 'Introduced you to',
  'introduced-by-you': 'You introduced them to',
  'works-with': 'Works with',
  knows: 'Knows',
  family: 'Family:',
};

/** The kinds a person can choose when adding a relationship, in menu order, with the phrasing "X … Y". */
export const RELATIONSHIP_CHOICES: ReadonlyArray<{ kind: RelationshipKind; phrase: string }> = [
  { kind: 'works-with', phrase: 'works with' },
  { kind: 'knows', phrase: 'knows' },
  { kind: 'introduced-by', phrase: 'was introduced to you by' },
  { kind: 'introduced', phrase: 'introduced you to' },
  { kind: 'family', phrase: 'is family of' },
];

/** vCard 4.0 RELATED TYPE values (RFC 6350 §6.6.6) for family words the user may write. */
const FAMILY_TYPES: Record<string, string> = {
  spouse: 'spouse',
  wife: 'spouse',
  husband: 'spouse',
  partner: 'spouse',
  parent: 'parent',
  mother: 'parent',
  father: 'parent',
  mum: 'parent',
  mom: 'parent',
  dad: 'parent',
  child: 'child',
  son: 'child',
  daughter: 'child',
  sibling: 'sibling',
  sister: 'sibling',
  brother: 'sibling',
};

/**
 * The RELATED TYPE for a relationship. RFC 6350 has no "introduced" type, so introductions are
 * written as `contact` (Rapport adds its own `X-RAPPORT-KIND` parameter beside it); family
 * without a recognised word is `kin`.
 */
export function vCardRelatedType(relationship: Pick<Relationship, 'kind' | 'label'>): string {
  switch (relationship.kind) {
    case 'works-with':
      return 'co-worker';
    case 'knows':
    case 'introduced-by-you':
      return 'acquaintance';
    case 'family':
      return FAMILY_TYPES[relationship.label?.trim().toLowerCase() ?? ''] ?? 'kin';
    case 'introduced-by':
    case 'introduced':
      return 'contact';
  }
}

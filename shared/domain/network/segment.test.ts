import { describe, expect, it } from 'vitest';
import { SegmentCriteria, selectSegment, type SegmentPerson } from './segment.ts';

const p = (id: string, more: Partial<SegmentPerson> = {}): SegmentPerson => ({
  id,
  displayName: id,
  tags: [],
  archived: false,
  ...more,
});
const PEOPLE = [
  p('Ana', { tags: ['rust', 'Berlin'], organisation: 'Acme', tier: 'close' }),
  p('Ben', { tags: ['rust'], organisation: 'Globex', tier: 'regular' }),
  p('Cy', { tags: ['design'], organisation: 'acme ', tier: 'regular' }),
  p('Dee', { tags: ['rust'], organisation: 'Acme', archived: true }),
  p('Eve'),
];

describe('selectSegment', () => {
  it.each([
    ['no filter and nobody chosen is nobody', {}, []],
    ['a tag', { tags: ['rust'] }, ['Ana', 'Ben']],
    ['a tag in another case', { tags: ['BERLIN'] }, ['Ana']],
    ['either of two tags', { tags: ['rust', 'design'] }, ['Ana', 'Ben', 'Cy']],
    ['an organisation, ignoring case and spaces', { organisations: ['ACME'] }, ['Ana', 'Cy']],
    ['a tier', { tiers: ['regular'] }, ['Ben', 'Cy']],
    ['tag and tier together narrow it', { tags: ['rust'], tiers: ['regular'] }, ['Ben']],
    ['chosen people are added to a filter', { tags: ['design'], contactIds: ['Eve'] }, ['Cy', 'Eve']],
    ['only chosen people', { contactIds: ['Ben', 'Eve'] }, ['Ben', 'Eve']],
    ['archived people are never in, even chosen', { organisations: ['acme'], contactIds: ['Dee'] }, ['Ana', 'Cy']],
  ])('%s', (_name, criteria, names) => {
    expect(selectSegment(PEOPLE, SegmentCriteria.parse(criteria)).map((x) => x.id)).toEqual(names);
  });
});

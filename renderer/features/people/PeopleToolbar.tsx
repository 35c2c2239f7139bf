import { ArrowUpDown, Search } from 'lucide-react';
import { TIER_NAMES } from '../../../shared/domain/cadence.ts';
import { Tier } from '../../../shared/domain/contact.ts';
import { Select } from '../../ui/Select.tsx';
import type {
  PeopleQuery as PeopleView,
  PeopleSort,
  StatusFilter,
  TierFilter,
} from '../../../shared/domain/people-list-view.ts';
import { formatCount, peopleCount } from '../../ui/counted.ts';
import { SEARCH_TEXT_MAX } from '../../../shared/ipc/channels/people.ts';

const SORTS = [
  { value: 'name', label: 'Name' },
  { value: 'last-contact', label: 'Last contact' },
  { value: 'next-due', label: 'Next due' },
] as const satisfies readonly { value: PeopleSort; label: string }[];
const STATUSES = [
  { value: 'all', label: 'Everyone' },
  { value: 'due', label: 'Due or overdue' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'archived', label: 'Archived' },
] as const satisfies readonly { value: StatusFilter; label: string }[];
const TIERS: { value: TierFilter; label: string }[] = [
  { value: 'any', label: 'Any rhythm' },
  ...Tier.options.map((t) => ({ value: t, label: TIER_NAMES[t] })),
  { value: 'none', label: 'No rhythm' },
];
const ALL_TAGS = '__all__';

/** Filter text, sort order and the tag, rhythm and state filters of the People list. */
export function PeopleToolbar({
  view,
  tags,
  onChange,
  shown,
  total,
}: {
  view: PeopleView;
  tags: readonly string[];
  onChange: (view: PeopleView) => void;
  shown: number;
  total: number;
}) {
  return (
    <div className="toolbar" role="group" aria-label="Sort and filter people">
      <div className="search-field">
        <Search size={16} aria-hidden />
        <input
          type="search"
          aria-label="Filter people"
          maxLength={SEARCH_TEXT_MAX}
          placeholder="Name, organisation, tag"
          value={view.text}
          onChange={(e) => onChange({ ...view, text: e.target.value })}
        />
      </div>
      <Select
        label="Sort by"
        icon={<ArrowUpDown size={14} aria-hidden />}
        value={view.sort}
        options={SORTS}
        onChange={(sort) => onChange({ ...view, sort })}
      />
      <Select
        label="Show"
        value={view.status}
        options={STATUSES}
        onChange={(status) => onChange({ ...view, status })}
      />
      <Select label="Rhythm" value={view.tier} options={TIERS} onChange={(tier) => onChange({ ...view, tier })} />
      {tags.length ? (
        <Select
          label="Tag"
          value={view.tag || ALL_TAGS}
          options={[{ value: ALL_TAGS, label: 'All tags' }, ...tags.map((t) => ({ value: t, label: t }))]}
          onChange={(tag) => onChange({ ...view, tag: tag === ALL_TAGS ? '' : tag })}
        />
      ) : null}
      <span className="count toolbar-count" aria-live="polite">
        {shown === total ? peopleCount(total) : `${formatCount(shown)} of ${formatCount(total)}`}
      </span>
    </div>
  );
}

import * as Popover from '@radix-ui/react-popover';
import { Command } from 'cmdk';
import { ChevronDown, X } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import type { PersonListItem } from '../../shared/domain/views.ts';
import { rankPeople } from '../features/log/rank-people.ts';
import { Avatar } from './Avatar.tsx';

type Person = Pick<PersonListItem, 'id' | 'displayName' | 'organisation' | 'lastInteractionOn'>;
const SHOWN = 50;

/**
 * Choose one person from many (a Radix popover with a cmdk list): type to narrow, ranked by how
 * well the name matches and then by recent contact; with nothing typed, the most recently
 * contacted come first. Replaces native selects that listed hundreds of names.
 */
export function PersonSelect({
  label,
  people,
  value,
  onChange,
  emptyLabel,
  showLabel = false,
}: {
  label: string;
  /** Toolbars name the control for screen readers only; forms show the label. */
  showLabel?: boolean;
  people: readonly Person[];
  value: string;
  onChange: (id: string) => void;
  emptyLabel: string;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const chosen = people.find((p) => p.id === value);
  const options = useMemo(() => {
    if (query.trim()) return rankPeople(people, query, { limit: SHOWN }).matches;
    return [...people]
      .sort((a, b) => (b.lastInteractionOn ?? '').localeCompare(a.lastInteractionOn ?? ''))
      .slice(0, SHOWN);
  }, [people, query]);
  const pick = (next: string) => {
    onChange(next);
    setOpen(false);
    setQuery('');
  };

  return (
    <div className="toolbar-select">
      <span id={id} className={showLabel ? 'label' : 'visually-hidden'}>
        {label}
      </span>
      <Popover.Root open={open} onOpenChange={setOpen}>
        <Popover.Trigger asChild>
          <button type="button" className="select-trigger person-select" aria-labelledby={`${id} ${id}-value`}>
            {chosen ? <Avatar name={chosen.displayName} size="sm" /> : null}
            <span id={`${id}-value`} className="select-value">
              {chosen?.displayName ?? emptyLabel}
            </span>
            <ChevronDown size={14} aria-hidden />
          </button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content className="popover person-popover" align="start" sideOffset={4} aria-label={label}>
            <Command shouldFilter={false} loop label={label}>
              <Command.Input
                value={query}
                onValueChange={setQuery}
                placeholder="Type a name"
                aria-label={`${label}: type a name`}
              />
              <Command.List className="person-options" aria-label="People">
                <Command.Item value="__none__" className="palette-item" onSelect={() => pick('')}>
                  <X size={14} aria-hidden /> {emptyLabel}
                </Command.Item>
                {options.map((p) => (
                  <Command.Item key={p.id} value={p.id} className="palette-item" onSelect={() => pick(p.id)}>
                    <Avatar name={p.displayName} size="sm" />
                    <span className="hit-text">
                      {p.displayName}
                      {p.organisation ? <span className="muted small"> · {p.organisation}</span> : null}
                    </span>
                  </Command.Item>
                ))}
                {query.trim() && !options.length ? (
                  <p className="palette-empty">Nobody called “{query.trim()}”.</p>
                ) : null}
              </Command.List>
            </Command>
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
    </div>
  );
}

import { X } from 'lucide-react';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { PersonListItem } from '../../../shared/domain/views.ts';
import { useToday } from '../../api/AppInfoProvider.tsx';
import { Avatar } from '../../ui/Avatar.tsx';
import { formatRelative } from '../../ui/dates.ts';
import { rankPeople } from './rank-people.ts';

export interface PickedPeople {
  ids: string[];
  newNames: string[];
}

export type PickerPerson = Pick<PersonListItem, 'id' | 'displayName' | 'organisation' | 'lastInteractionOn'>;

interface PeoplePickerProps {
  people: readonly PickerPerson[];
  value: PickedPeople;
  onChange: (value: PickedPeople) => void;
  error?: string | undefined;
  /** People added in this window, newest first; they rank first. */
  recentlyAdded?: readonly string[];
  /** Offer "Add “…” as a new person" (not when editing an interaction). */
  allowNew?: boolean;
  label?: string;
}

/**
 * Choose people by typing part of a name, ranked by how well the name matches, then people
 * just added, then recent contact. When several people match equally well, Enter does not
 * guess: it asks the user to pick one with the arrow keys. The last option adds a new person.
 */
export function PeoplePicker({
  people,
  value,
  onChange,
  error,
  recentlyAdded = [],
  allowNew = true,
  label = 'With',
}: PeoplePickerProps) {
  const id = useId();
  const today = useToday();
  const [query, setQuery] = useState('');
  // -1: nothing highlighted yet (an ambiguous name waits for an arrow key).
  const [active, setActive] = useState(-1);
  const [hint, setHint] = useState('');
  const byId = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);
  const trimmed = query.trim();
  const { matches, ambiguous } = useMemo(
    () => rankPeople(people, trimmed, { recentlyAdded, exclude: value.ids }),
    [people, trimmed, recentlyAdded, value.ids],
  );
  const exact = matches.some((p) => p.displayName.toLocaleLowerCase() === trimmed.toLocaleLowerCase());
  const options = [
    ...matches.map((p) => ({ kind: 'person' as const, id: p.id, person: p })),
    ...(allowNew && trimmed && !exact ? [{ kind: 'new' as const, id: 'new', person: undefined }] : []),
  ];
  const defaultActive = options.length && !ambiguous ? 0 : -1;
  const highlighted = active >= 0 ? active : defaultActive;

  const choose = (index: number) => {
    const option = options[index];
    if (!option) return;
    if (option.kind === 'person') onChange({ ...value, ids: [...value.ids, option.id] });
    else onChange({ ...value, newNames: [...value.newNames, trimmed] });
    setQuery('');
    setActive(-1);
    setHint('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setActive(Math.min(highlighted + 1, options.length - 1));
    else if (event.key === 'ArrowUp') setActive(Math.max(highlighted - 1, 0));
    else if (event.key === 'Enter' && options.length) {
      if (highlighted < 0)
        setHint(
          `${matches.length} people match “${trimmed}”. Choose one with the arrow keys, or type more of the name.`,
        );
      else choose(highlighted);
    } else if (event.key === 'Escape' && query) setQuery('');
    else if (event.key === 'Backspace' && !query && (value.newNames.length || value.ids.length)) {
      if (value.newNames.length) onChange({ ...value, newNames: value.newNames.slice(0, -1) });
      else onChange({ ...value, ids: value.ids.slice(0, -1) });
      return;
    } else return;
    event.preventDefault();
    if (event.key === 'Escape') event.stopPropagation();
  };

  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field picker">
      <label htmlFor={id}>{label}</label>
      <ul className="chips" aria-label="Chosen people">
        {value.ids.map((pid) => {
          const name = byId.get(pid)?.displayName ?? 'Someone no longer here';
          return (
            <li key={pid} className="chip">
              <Avatar name={name} size="sm" />
              <span>{name}</span>
              <button
                type="button"
                aria-label={`Remove ${name}`}
                onClick={() => onChange({ ...value, ids: value.ids.filter((x) => x !== pid) })}
              >
                <X size={12} aria-hidden />
              </button>
            </li>
          );
        })}
        {value.newNames.map((name) => (
          <li key={`new-${name}`} className="chip chip-new">
            <span>{name} (new)</span>
            <button
              type="button"
              aria-label={`Remove ${name}`}
              onClick={() => onChange({ ...value, newNames: value.newNames.filter((x) => x !== name) })}
            >
              <X size={12} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <div className="picker-input">
        <input
          id={id}
          role="combobox"
          aria-expanded={options.length > 0}
          aria-controls={`${id}-options`}
          aria-autocomplete="list"
          aria-activedescendant={highlighted >= 0 ? `${id}-opt-${highlighted}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          placeholder={value.ids.length || value.newNames.length ? 'Add someone else' : 'Type a name'}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(-1);
            setHint('');
          }}
          onKeyDown={onKeyDown}
        />
        {options.length ? (
          <ul id={`${id}-options`} role="listbox" className="options" aria-label="Matching people">
            {options.map((o, i) => (
              <li
                key={o.id}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === highlighted}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(i)}
              >
                {o.person ? (
                  <>
                    <Avatar name={o.person.displayName} size="sm" />
                    <span>
                      {o.person.displayName}
                      {o.person.organisation ? <span className="muted"> · {o.person.organisation}</span> : null}
                    </span>
                    <span className="option-meta">
                      {o.person.lastInteractionOn ? formatRelative(o.person.lastInteractionOn, today) : 'new'}
                    </span>
                  </>
                ) : (
                  <span>Add “{trimmed}” as a new person</span>
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field-warning" role="status">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

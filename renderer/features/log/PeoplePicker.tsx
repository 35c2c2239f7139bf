import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { PersonListItem } from '../../../shared/domain/views.ts';

export interface PickedPeople {
  ids: string[];
  newNames: string[];
}

interface PeoplePickerProps {
  people: readonly Pick<PersonListItem, 'id' | 'displayName' | 'organisation'>[];
  value: PickedPeople;
  onChange: (value: PickedPeople) => void;
  error?: string | undefined;
}

/**
 * Choose existing people by typing part of a name, or add a new person in the same step:
 * the last option is always "Add “…” as a new person".
 */
export function PeoplePicker({ people, value, onChange, error }: PeoplePickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const byId = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);
  const trimmed = query.trim();
  const matches = useMemo(() => {
    const q = trimmed.toLocaleLowerCase();
    if (!q) return [];
    return people.filter((p) => !value.ids.includes(p.id) && p.displayName.toLocaleLowerCase().includes(q)).slice(0, 7);
  }, [people, trimmed, value.ids]);
  const exact = matches.some((p) => p.displayName.toLocaleLowerCase() === trimmed.toLocaleLowerCase());
  const options = [
    ...matches.map((p) => ({ kind: 'person' as const, id: p.id, label: p.displayName, meta: p.organisation })),
    ...(trimmed && !exact
      ? [{ kind: 'new' as const, id: 'new', label: `Add “${trimmed}” as a new person`, meta: undefined }]
      : []),
  ];

  const choose = (index: number) => {
    const option = options[index];
    if (!option) return;
    if (option.kind === 'person') onChange({ ...value, ids: [...value.ids, option.id] });
    else onChange({ ...value, newNames: [...value.newNames, trimmed] });
    setQuery('');
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setActive((a) => Math.min(a + 1, options.length - 1));
    else if (event.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (event.key === 'Enter' && options.length) choose(active);
    else if (event.key === 'Backspace' && !query && (value.newNames.length || value.ids.length)) {
      if (value.newNames.length) onChange({ ...value, newNames: value.newNames.slice(0, -1) });
      else onChange({ ...value, ids: value.ids.slice(0, -1) });
      return;
    } else return;
    event.preventDefault();
  };

  return (
    <div className="field">
      <label htmlFor={id}>With</label>
      <ul className="chips" aria-label="Chosen people">
        {value.ids.map((pid) => (
          <li key={pid} className="chip">
            {byId.get(pid)?.displayName ?? 'Unknown'}
            <button
              type="button"
              aria-label={`Remove ${byId.get(pid)?.displayName ?? 'person'}`}
              onClick={() => onChange({ ...value, ids: value.ids.filter((x) => x !== pid) })}
            >
              ×
            </button>
          </li>
        ))}
        {value.newNames.map((name) => (
          <li key={`new-${name}`} className="chip chip-new">
            {name} (new)
            <button
              type="button"
              aria-label={`Remove ${name}`}
              onClick={() => onChange({ ...value, newNames: value.newNames.filter((x) => x !== name) })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={id}
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={`${id}-options`}
        aria-activedescendant={options.length ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autoComplete="off"
        placeholder="Type a name"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
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
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(i)}
            >
              {o.label}
              {o.meta ? <span className="person-meta"> · {o.meta}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

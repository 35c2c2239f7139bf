import { X } from 'lucide-react';
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useToday } from '../../api/AppInfoProvider.tsx';
import {
  pickFailure,
  usePeoplePick,
  usePeopleRefs,
  type PickAnswer,
  type PickedPerson,
} from '../../api/usePeoplePick.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { formatRelative } from '../../ui/dates.ts';
import { ESCAPE_CLOSES_LIST } from '../../ui/Dialog.tsx';

export interface PickedPeople {
  ids: string[];
  newNames: string[];
}

interface PeoplePickerProps {
  value: PickedPeople;
  onChange: (value: PickedPeople) => void;
  error?: string | undefined;
  /** People added in this window, newest first; they rank first. */
  recentlyAdded?: readonly string[];
  /** Offer "Add “…” as a new person" (not when editing an interaction). */
  allowNew?: boolean;
  label?: string;
}

type Option = { kind: 'person'; id: string; person: PickedPerson } | { kind: 'new'; id: 'new'; person?: undefined };

/** What the list offers for an answer: the matches, then "Add … as a new person" unless the name is taken. */
function optionsOf(answer: PickAnswer | undefined, trimmed: string, allowNew: boolean): Option[] {
  const matches = answer?.matches ?? [];
  const exact = matches.some((p) => p.displayName.toLocaleLowerCase() === trimmed.toLocaleLowerCase());
  return [
    ...matches.map((p) => ({ kind: 'person' as const, id: p.id, person: p })),
    ...(answer && allowNew && trimmed && !exact ? [{ kind: 'new' as const, id: 'new' as const }] : []),
  ];
}

/**
 * Choose people by typing part of a name. The core ranks (`people.pick`: how well the name
 * matches, then people just added, then recent contact); only the answer for the text in the box
 * is shown. When several people match equally well, Enter does not guess: it asks the user to
 * pick one with the arrow keys. Enter pressed before the answer arrives acts on that answer. The
 * last option adds a new person.
 */
export function PeoplePicker({
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
  // The list shows only while the box has focus: once the user moves on, it would hide the
  // fields below it and the messages about this one.
  const [focused, setFocused] = useState(false);
  const trimmed = query.trim();
  const {
    answer,
    error: pickError,
    answerNow,
  } = usePeoplePick(trimmed ? { q: trimmed, exclude: value.ids, prefer: recentlyAdded.slice(0, 50) } : undefined);
  const names = usePeopleRefs(value.ids, 'Someone no longer here');
  // Enter may act after more was typed or chosen: it reads the latest of both.
  const latest = useRef({ query, value });
  useLayoutEffect(() => {
    latest.current = { query, value };
  });
  const options = optionsOf(answer, trimmed, allowNew);
  const defaultActive = options.length && !answer?.ambiguous ? 0 : -1;
  const highlighted = active >= 0 ? active : defaultActive;
  // Only for typed text: an earlier answer kept after the box was emptied must not hold the list open.
  const listed = focused && trimmed !== '' && options.length > 0;

  /** Chooses an option offered for `text`; what was typed after it stays in the box. */
  const choose = (option: Option | undefined, text: string) => {
    if (!option) return;
    const { value: now, query: typed } = latest.current;
    // Enter pressed twice before an answer chooses once.
    if (option.kind === 'person' && !now.ids.includes(option.id)) {
      names.remember(option.person);
      onChange({ ...now, ids: [...now.ids, option.id] });
    } else if (option.kind === 'new' && !now.newNames.includes(text.trim()))
      onChange({ ...now, newNames: [...now.newNames, text.trim()] });
    setQuery(typed.startsWith(text) ? typed.slice(text.length).trimStart() : '');
    setActive(-1);
    setHint('');
  };
  const tooMany = (count: number, text: string) =>
    `${count} people match “${text.trim()}”. Choose one with the arrow keys, or type more of the name.`;
  /** Enter before the answer for `text` arrived: act on that answer when it does. */
  const enterWhenAnswered = (text: string, input: HTMLInputElement) =>
    void answerNow().then((result) => {
      if (!result.ok) return;
      const offered = optionsOf(result.value, text.trim(), allowNew);
      const stillThere = latest.current.query === text;
      if (result.value.ambiguous) {
        if (stillThere) setHint(tooMany(result.value.matches.length, text));
      } else if (offered.length) choose(offered[0], text);
      else if (stillThere) input.form?.requestSubmit();
    });
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setActive(Math.min(highlighted + 1, options.length - 1));
    else if (event.key === 'ArrowUp') setActive(Math.max(highlighted - 1, 0));
    else if (event.key === 'Enter' && trimmed && !answer) enterWhenAnswered(query, event.currentTarget);
    else if (event.key === 'Enter' && options.length) {
      if (highlighted < 0) setHint(tooMany(answer?.matches.length ?? 0, query));
      else choose(options[highlighted], query);
    } else if (event.key === 'Escape' && query) {
      // The list goes with the text; a second Escape closes the dialog.
      setQuery('');
      setActive(-1);
    } else if (event.key === 'Backspace' && !query && (value.newNames.length || value.ids.length)) {
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
          const name = names.named(pid) ?? '…';
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
      {/* Above the box, where the open list of matches cannot cover it. */}
      {hint ? (
        <p id={`${id}-hint`} className="field-warning" role="status">
          {hint}
        </p>
      ) : null}
      <div className="picker-input">
        <input
          id={id}
          role="combobox"
          aria-expanded={listed}
          {...{ [ESCAPE_CLOSES_LIST]: listed || undefined }}
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
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
        />
        {listed ? (
          <ul id={`${id}-options`} role="listbox" className="options" aria-label="Matching people">
            {options.map((o, i) => (
              <li
                key={o.id}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === highlighted}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(o, query)}
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
      {pickError ? (
        <p className="field-warning" role="status">
          {pickFailure(pickError)}
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

import * as Popover from '@radix-ui/react-popover';
import { Command } from 'cmdk';
import { ChevronDown, X } from 'lucide-react';
import { useId, useState, type KeyboardEvent } from 'react';
import { pickFailure, usePeoplePick, usePeopleRefs, type PickedPerson } from '../api/usePeoplePick.ts';
import { Avatar } from './Avatar.tsx';
import { usePopupLayer } from './PopupLayer.tsx';
import { SEARCH_TEXT_MAX } from '../../shared/ipc/channels/people.ts';

const SHOWN = 50;

/**
 * Choose one person from many (a Radix popover with a cmdk list): type to narrow. The core ranks
 * (`people.pick`: how well the name matches, then recent contact); with nothing typed, the most
 * recently contacted come first. With a name typed the best match is highlighted and Enter
 * chooses it, as in any combobox; the choice then shows on the button, so it is never silent.
 * Only the answer for the text in the box is shown, and Enter pressed before it arrives chooses
 * from that answer.
 */
export function PersonSelect({
  label,
  exclude = [],
  value,
  onChange,
  emptyLabel,
  showLabel = false,
}: {
  label: string;
  /** Toolbars name the control for screen readers only; forms show the label. */
  showLabel?: boolean;
  /** People not to offer (already chosen, or the person whose page this is). */
  exclude?: readonly string[];
  value: string;
  /** The chosen id ('' for none), with the person as the list showed them. */
  onChange: (id: string, person?: PickedPerson) => void;
  emptyLabel: string;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const layer = usePopupLayer();
  const [query, setQuery] = useState('');
  const trimmed = query.trim();
  const { answer, error, answerNow } = usePeoplePick(
    open ? { q: trimmed, limit: SHOWN, exclude: exclude.slice(0, 500) } : undefined,
  );
  const names = usePeopleRefs(value ? [value] : [], emptyLabel);
  const chosen = value ? names.named(value) : undefined;
  const options = answer?.matches ?? [];
  // The row Enter chooses. cmdk keeps a highlighted row while it stays in the list, so "nobody"
  // (highlighted on opening) survived typing a name: with a name typed the first match is
  // highlighted instead, also when others match as well (Sam Lee, Sam Ortiz): before, Enter then
  // chose "nobody", at the list's foot, and seemed to do nothing. An arrow key's row holds until
  // the next answer.
  const [moved, setMoved] = useState<{ answer: typeof answer; row: string }>();
  const best = trimmed && answer ? options[0]?.id : undefined;
  const highlighted = moved && moved.answer === answer ? moved.row : (best ?? '__none__');
  const pick = (next: string, person?: PickedPerson) => {
    if (person) names.remember(person);
    onChange(next, person);
    setOpen(false);
    setQuery('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || !trimmed || answer) return;
    // Stops cmdk choosing from what is on screen: the answer for this text is not in yet. The
    // first match of that answer is the row that would have been highlighted.
    event.preventDefault();
    void answerNow().then((result) => {
      const first = result.ok ? result.value.matches[0] : undefined;
      if (first) pick(first.id, first);
    });
  };
  const none = (
    <Command.Item value="__none__" className="palette-item" onSelect={() => pick('')}>
      <X size={14} aria-hidden /> {emptyLabel}
    </Command.Item>
  );

  return (
    <div className="toolbar-select">
      <span id={id} className={showLabel ? 'label' : 'visually-hidden'}>
        {label}
      </span>
      <Popover.Root open={open} onOpenChange={setOpen}>
        <Popover.Trigger asChild>
          <button type="button" className="select-trigger person-select" aria-labelledby={`${id} ${id}-value`}>
            {chosen ? <Avatar name={chosen} size="sm" /> : null}
            <span id={`${id}-value`} className="select-value">
              {chosen ?? (value ? '…' : emptyLabel)}
            </span>
            <ChevronDown size={14} aria-hidden />
          </button>
        </Popover.Trigger>
        <Popover.Portal container={layer}>
          <Popover.Content className="popover person-popover" align="start" sideOffset={4} aria-label={label}>
            <Command
              shouldFilter={false}
              loop
              label={label}
              value={highlighted}
              onValueChange={(row) => setMoved({ answer, row })}
            >
              <Command.Input
                value={query}
                onValueChange={setQuery}
                onKeyDown={onKeyDown}
                maxLength={SEARCH_TEXT_MAX}
                placeholder="Type a name"
                aria-label={`${label}: type a name`}
              />
              <Command.List className="person-options" aria-label="People">
                {/* With a name typed, the matches come first and Enter chooses the first of them. */}
                {trimmed ? null : none}
                {options.map((p) => (
                  <Command.Item key={p.id} value={p.id} className="palette-item" onSelect={() => pick(p.id, p)}>
                    <Avatar name={p.displayName} size="sm" />
                    <span className="hit-text">
                      {p.displayName}
                      {p.organisation ? <span className="muted small"> · {p.organisation}</span> : null}
                    </span>
                  </Command.Item>
                ))}
                {trimmed ? none : null}
                {trimmed && answer && !options.length ? (
                  <p className="palette-empty">Nobody called “{trimmed}”.</p>
                ) : null}
                {error ? <p className="palette-empty">{pickFailure(error)}</p> : null}
              </Command.List>
            </Command>
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
    </div>
  );
}

import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useFocusStaysInList } from './useFocusStaysInList.ts';

/** A virtual list's window: rows `from`…`to` of `names`, each with its `data-index`. */
function Window({ names, from, to }: { names: string[]; from: number; to: number }) {
  const { ref, onFocus } = useFocusStaysInList<HTMLDivElement>(names.length);
  return (
    <>
      <h1 tabIndex={-1}>Timeline</h1>
      <div ref={ref} onFocus={onFocus}>
        {names.slice(from, to + 1).map((name, i) => (
          <div key={name} data-index={from + i}>
            <button type="button">{name}</button>
          </div>
        ))}
      </div>
    </>
  );
}

const names = Array.from({ length: 30 }, (_, i) => `Entry ${i}`);

/** Rows that can take focus themselves (an entry a search hit shows), keyed by `generation` so they can be drawn anew. */
function Entries({ generation, drawn = 5, list = names }: { generation: number; drawn?: number; list?: string[] }) {
  const { ref, onFocus } = useFocusStaysInList<HTMLDivElement>(list.length);
  return (
    <div ref={ref} onFocus={onFocus}>
      {list.slice(0, drawn).map((name, i) => (
        <div key={`${name}-${generation}`} data-index={i}>
          <article tabIndex={-1} aria-label={name} data-hit={`interaction:${name}`}>
            <button type="button">Actions for {name}</button>
          </article>
        </div>
      ))}
    </div>
  );
}

describe('focus in a virtual list', () => {
  it('goes back to an entry focused by a search hit when its row is drawn anew, not to a control of it', () => {
    const { rerender } = render(<Entries generation={1} />);
    screen.getByRole('article', { name: 'Entry 3' }).focus();
    rerender(<Entries generation={2} />);
    expect(document.activeElement).toBe(screen.getByRole('article', { name: 'Entry 3' }));
  });

  it('waits for an entry a search hit focused whose row left the drawn window, and goes back to it', () => {
    const { rerender } = render(<Entries generation={1} />);
    screen.getByRole('article', { name: 'Entry 4' }).focus();
    // The list measured its rows and drew one fewer: the last drawn row is not "the row in its place".
    rerender(<Entries generation={1} drawn={4} />);
    expect(document.activeElement).toBe(document.body);
    rerender(<Entries generation={2} drawn={5} />);
    expect(document.activeElement).toBe(screen.getByRole('article', { name: 'Entry 4' }));
  });

  it('moves to the row in its place when the entry a search hit focused is deleted', () => {
    const { rerender } = render(<Entries generation={1} />);
    screen.getByRole('article', { name: 'Entry 4' }).focus();
    rerender(<Entries generation={1} list={names.filter((n) => n !== 'Entry 4')} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Actions for Entry 5' }));
  });

  it('leaves focus where it fell when the last drawn row scrolls out of a list as long as before', () => {
    const { rerender } = render(<Window names={names} from={0} to={10} />);
    screen.getByRole('button', { name: 'Entry 10' }).focus();
    rerender(<Window names={names} from={0} to={9} />);
    expect(document.activeElement).toBe(document.body);
  });

  it('moves to the row now in the place of a row that went', () => {
    const { rerender } = render(<Window names={names} from={0} to={10} />);
    screen.getByRole('button', { name: 'Entry 5' }).focus();
    rerender(<Window names={names.filter((n) => n !== 'Entry 5')} from={0} to={10} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Entry 6' }));
  });

  it('moves to the last row when the last row went', () => {
    const { rerender } = render(<Window names={names} from={20} to={29} />);
    screen.getByRole('button', { name: 'Entry 29' }).focus();
    rerender(<Window names={names.slice(0, 29)} from={20} to={28} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Entry 28' }));
  });

  it('is not pulled along when its row scrolls out of the window', () => {
    const { rerender } = render(<Window names={names} from={0} to={10} />);
    screen.getByRole('button', { name: 'Entry 2' }).focus();
    rerender(<Window names={names} from={12} to={22} />);
    expect(document.activeElement).toBe(document.body);
    rerender(<Window names={names} from={0} to={10} />);
    screen.getByRole('button', { name: 'Entry 9' }).focus();
    rerender(<Window names={names} from={0} to={7} />);
    expect(document.activeElement).toBe(document.body);
  });
});

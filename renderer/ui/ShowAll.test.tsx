import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useShowAll } from './ShowAll.tsx';

function List({ items }: { items: string[] }) {
  const { shown, toggle } = useShowAll(items, 2);
  return (
    <>
      <ul>
        {shown.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      {toggle}
    </>
  );
}

describe('useShowAll', () => {
  it('shows the first few, all on "Show all N", and the first few again on "Show fewer"', async () => {
    render(<List items={['a', 'b', 'c', 'd']} />);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['a', 'b']);
    await userEvent.click(screen.getByRole('button', { name: 'Show all 4' }));
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
    await userEvent.click(screen.getByRole('button', { name: 'Show fewer' }));
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('has no button when all fit, and a list that shrank and grew again opens short', async () => {
    const { rerender } = render(<List items={['a', 'b', 'c']} />);
    await userEvent.click(screen.getByRole('button', { name: 'Show all 3' }));
    rerender(<List items={['a', 'b']} />);
    expect(screen.queryByRole('button')).toBeNull();
    rerender(<List items={['a', 'b', 'c']} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Show all 3' })).toBeTruthy();
  });
});

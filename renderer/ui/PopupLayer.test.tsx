import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { Dialog } from './Dialog.tsx';
import { Menu } from './Menu.tsx';
import { PopupLayer } from './PopupLayer.tsx';
import { Select } from './Select.tsx';

const menu = (name: string) => (
  <Menu
    label={`${name} actions`}
    trigger={<button type="button">{name}</button>}
    items={[{ label: `${name} item`, onSelect: () => {} }]}
  />
);

it('renders a menu opened in a landmark inside that landmark, not at the end of the body', async () => {
  render(
    <main>
      <PopupLayer>
        {menu('Entry')}
        <Select label="Sort by" value="name" options={[{ value: 'name', label: 'Name' }]} onChange={() => {}} />
      </PopupLayer>
    </main>,
  );
  await userEvent.click(screen.getByRole('button', { name: 'Entry' }));
  expect((await screen.findByRole('menuitem', { name: 'Entry item' })).closest('main')).not.toBeNull();
  await userEvent.keyboard('{Escape}');
  await userEvent.click(screen.getByRole('button', { name: 'Sort by: Name' }));
  expect((await screen.findByRole('menuitemradio', { name: 'Name' })).closest('main')).not.toBeNull();
});

it('leaves a menu opened in a dialog to the body: the modal dialog hides the landmarks', async () => {
  render(
    <main>
      <PopupLayer>
        <Dialog open title="Edit" onClose={() => {}}>
          {menu('More')}
        </Dialog>
      </PopupLayer>
    </main>,
  );
  await userEvent.click(screen.getByRole('button', { name: 'More' }));
  const opened = await screen.findByRole('menuitem', { name: 'More item' });
  expect(opened.closest('main')).toBeNull();
  expect(opened.closest('[role=dialog]')).toBeNull();
});

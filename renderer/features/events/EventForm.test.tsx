import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { eventRecord } from '../../test-support/events.ts';
import { renderInApp, TODAY } from '../../test-support/render.tsx';
import { EventForm } from './EventForm.tsx';

const name = () => screen.getByRole('textbox', { name: /^Name/ }) as HTMLInputElement;
const open = (props: Partial<Parameters<typeof EventForm>[0]> = {}) =>
  renderInApp(<EventForm today={TODAY} onSaved={vi.fn()} onCancel={vi.fn()} {...props} />);

describe('EventForm: a new event typed and not saved', () => {
  it('comes back the next day, and an imported event opened meanwhile neither wipes it nor shows it', async () => {
    open();
    await userEvent.type(name(), 'Leeds Tech Breakfast');
    cleanup();

    // Reviewing an .ics file is another opening: its own form, and typing in it keeps both.
    open({ initial: { name: 'DevConf', startsOn: '2026-04-02', icsUid: 'uid-1' } });
    expect(name().value).toBe('DevConf');
    await userEvent.type(name(), ' 2026');
    cleanup();

    open({ today: '2026-03-19' });
    expect(screen.getByText(/Restored what you typed before/)).toBeTruthy();
    expect(name().value).toBe('Leeds Tech Breakfast');
    cleanup();
    open({ initial: { name: 'DevConf', startsOn: '2026-04-02', icsUid: 'uid-1' } });
    expect(name().value).toBe('DevConf 2026');
  });

  it('Cancel forgets what was typed', async () => {
    const onCancel = vi.fn();
    open({ onCancel });
    await userEvent.type(name(), 'Scrapped');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
    cleanup();
    open();
    expect(name().value).toBe('');
    expect(screen.queryByText(/Restored what you typed before/)).toBeNull();
  });

  it('asks for a date in words the date picker matches', async () => {
    const create = vi.fn();
    renderInApp(<EventForm today={TODAY} onSaved={vi.fn()} onCancel={vi.fn()} />, {
      requests: { 'events.create': create },
    });
    await userEvent.clear(screen.getByLabelText(/^First day/));
    await userEvent.type(name(), 'Breakfast');
    await userEvent.click(screen.getByRole('button', { name: /Save/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('Choose a date');
    expect(create).not.toHaveBeenCalled();
  });

  it('keeps an edit for the event while only who is going changed since', async () => {
    const event = eventRecord();
    open({ editing: event });
    await userEvent.type(screen.getByRole('textbox', { name: 'Place' }), 'Round Foundry');
    cleanup();
    open({ editing: { ...event, going: ['sam'], updatedAt: '2026-03-18T10:00:00.000Z' } });
    expect(screen.getByText(/Restored what you typed before/)).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Place' })).toHaveProperty('value', 'Round Foundry');
  });
});

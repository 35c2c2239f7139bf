import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Contact } from '../../../shared/domain/contact.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { PersonForm } from './PersonForm.tsx';

const sam: Contact = {
  id: 'sam',
  displayName: 'Sam Okafor',
  emails: [{ value: 'sam@example.org', label: 'work' }],
  phones: [],
  addresses: [{ locality: 'Leeds' }],
  social: [],
  tags: ['design'],
  archived: false,
  extensions: [{ name: 'X-FOO', params: {}, value: 'kept' }],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('PersonForm', () => {
  it('saves labelled lines, profiles by network, a birthday without a year and a rhythm, keeping imported fields', async () => {
    const save = vi.fn(async () => ({ ok: true as const, value: sam }));
    renderInApp(<PersonForm initial={sam} save={save} onSaved={() => {}} />);
    await userEvent.type(screen.getByLabelText('Phones'), 'mobile: 07700 900123');
    await userEvent.type(
      screen.getByLabelText('Online profiles'),
      'https://www.linkedin.com/in/sam{Enter}Blog: https://sam.example.org{Enter}@sam@mastodon.example',
    );
    await userEvent.type(screen.getByLabelText('Day'), '29');
    await userEvent.type(screen.getByLabelText('Month'), '2');
    await userEvent.selectOptions(screen.getByLabelText('Rhythm'), 'close');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(save).toHaveBeenCalledWith(
      expect.objectContaining({
        emails: [{ label: 'work', value: 'sam@example.org' }],
        phones: [{ label: 'mobile', value: '07700 900123' }],
        social: [
          { kind: 'linkedin', url: 'https://www.linkedin.com/in/sam' },
          { kind: 'website', url: 'https://sam.example.org', label: 'Blog' },
          { kind: 'mastodon', url: '@sam@mastodon.example' },
        ],
        birthday: { day: 29, month: 2 },
        tier: 'close',
        addresses: [{ locality: 'Leeds' }],
        extensions: [{ name: 'X-FOO', params: {}, value: 'kept' }],
      }),
    );
  });

  it('keeps the kind of a profile left as it was, and detects it for a new one', async () => {
    const save = vi.fn(async () => ({ ok: true as const, value: sam }));
    const withProfile = { ...sam, social: [{ kind: 'linkedin' as const, url: 'https://li.example.org/sam' }] };
    renderInApp(<PersonForm initial={withProfile} save={save} onSaved={() => {}} />);
    await userEvent.type(screen.getByLabelText('Online profiles'), '{Enter}https://github.com/sam');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(save).toHaveBeenCalledWith(
      expect.objectContaining({
        social: [
          { kind: 'linkedin', url: 'https://li.example.org/sam' },
          { kind: 'github', url: 'https://github.com/sam' },
        ],
      }),
    );
  });

  it('hands the person as saved to onSaved, so a new name shows at once', async () => {
    const renamed = { ...sam, displayName: 'Sam Okafor-Reyes' };
    const onSaved = vi.fn();
    renderInApp(
      <PersonForm initial={sam} save={async () => ({ ok: true as const, value: renamed })} onSaved={onSaved} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSaved).toHaveBeenCalledWith(renamed);
  });

  it('names the field when a birthday does not exist, and saves nothing', async () => {
    const save = vi.fn();
    renderInApp(<PersonForm initial={sam} save={save} onSaved={() => {}} />);
    await userEvent.type(screen.getByLabelText('Day'), '31');
    await userEvent.type(screen.getByLabelText('Month'), '4');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(save).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('That day does not exist in that month');
    // In the user's words, under the field it is about: not the contact's inner name ("day: …").
    expect(screen.getByRole('alert').textContent).not.toMatch(/^day:/);
    expect(screen.getByLabelText('Day').getAttribute('aria-invalid')).toBe('true');
  });

  it('puts a cadence message under the field it is about', async () => {
    const save = vi.fn();
    renderInApp(<PersonForm initial={sam} save={save} onSaved={() => {}} />);
    await userEvent.type(screen.getByLabelText(/your own: due after/), '90');
    await userEvent.type(screen.getByLabelText(/Overdue after/), '30');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(save).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/Overdue after/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).not.toMatch(/maxDays/);
  });
});

describe('PersonForm: an edit typed and not saved', () => {
  it('comes back when the edit opens again, until it is saved or started over', async () => {
    const save = vi.fn(async () => ({ ok: true as const, value: sam }));
    const first = renderInApp(<PersonForm initial={sam} save={save} onSaved={() => {}} />);
    await userEvent.type(screen.getByLabelText('Notes'), 'Met at the Leeds meet-up; new puppy Biscuit');
    await userEvent.selectOptions(screen.getByLabelText('Rhythm'), 'close');
    first.unmount(); // Escape, or the window closed

    const again = renderInApp(<PersonForm initial={sam} save={save} onSaved={() => {}} />);
    expect(screen.getByText(/Restored what you typed before/)).toBeTruthy();
    // Said to screen readers once the form has focus: a live region filled after it appeared.
    expect(screen.getByRole('status').textContent).toBe('');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Restored what you typed before.'));
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe(
      'Met at the Leeds meet-up; new puppy Biscuit',
    );
    expect((screen.getByLabelText('Rhythm') as HTMLSelectElement).value).toBe('close');
    await userEvent.click(screen.getByRole('button', { name: 'Start over' }));
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('');
    // The button goes away with the notice: focus is left in the form, not on the page.
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /^Name/ }));
    expect(screen.queryByText(/Restored what you typed before/)).toBeNull();
    expect((screen.getByLabelText('Rhythm') as HTMLSelectElement).value).toBe('');
    again.unmount();

    renderInApp(<PersonForm initial={sam} save={save} onSaved={() => {}} />);
    expect(screen.queryByText(/Restored what you typed before/)).toBeNull();
    await userEvent.type(screen.getByLabelText('Notes'), 'Saved this time');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ notes: 'Saved this time' }));
    expect(window.localStorage.getItem('rapport.form-drafts')).toBeNull();
  });

  it('is not put over the person when they changed since the edit began', async () => {
    const first = renderInApp(<PersonForm initial={sam} save={vi.fn()} onSaved={() => {}} />);
    await userEvent.type(screen.getByLabelText('Notes'), 'typed on the old version');
    first.unmount();
    renderInApp(<PersonForm initial={{ ...sam, notes: 'changed on the laptop' }} save={vi.fn()} onSaved={() => {}} />);
    expect(screen.queryByText(/Restored what you typed before/)).toBeNull();
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('changed on the laptop');
  });
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../../test-support/render.tsx';
import { CaptureForm } from './CaptureForm.tsx';

const form = (prefill = {}, onSaved = vi.fn()) => (
  <CaptureForm eventId="e1" prefill={prefill} saved={[]} onSaved={onSaved} onDone={() => {}} />
);

const valueOf = (element: HTMLElement) => (element as HTMLInputElement).value;

beforeEach(() => window.localStorage.clear());

describe('quick capture', () => {
  it('keeps what was typed when the dialog closes, and forgets it once saved', async () => {
    const captured = vi.fn(() => ({ contactId: 'c1', interactionId: 'i1' }));
    const first = renderInApp(form(), { requests: { 'events.captureMatches': () => [], 'events.capture': captured } });
    await userEvent.type(screen.getByRole('textbox', { name: /Name/ }), 'Ann Lee');
    await userEvent.type(screen.getByRole('textbox', { name: 'One detail' }), 'runs Leeds JS');
    first.unmount();

    const onSaved = vi.fn();
    renderInApp(form({}, onSaved), { requests: { 'events.captureMatches': () => [], 'events.capture': captured } });
    expect(valueOf(screen.getByRole('textbox', { name: /Name/ }))).toBe('Ann Lee');
    expect(valueOf(screen.getByRole('textbox', { name: 'One detail' }))).toBe('runs Leeds JS');
    await userEvent.click(screen.getByRole('button', { name: 'Save person' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('Ann Lee'));
    expect(captured).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'e1', name: 'Ann Lee', detail: 'runs Leeds JS' }),
    );
    expect(valueOf(screen.getByRole('textbox', { name: /Name/ }))).toBe('');
    expect(window.localStorage.getItem('rapport.capture.e1')).toBeNull();
  });

  it('shows a card’s fields for review, keeping a name already typed', async () => {
    // A draft as an earlier version kept it (one entry per event, only the fields typed).
    window.localStorage.setItem('rapport.capture.e1', JSON.stringify({ name: 'Typed First', detail: 'met at lunch' }));
    renderInApp(form({ name: '', email: 'ann@example.com', organisation: 'Acme' }), {
      requests: { 'events.captureMatches': () => [] },
    });
    expect(valueOf(screen.getByRole('textbox', { name: /Name/ }))).toBe('Typed First');
    expect(valueOf(screen.getByRole('textbox', { name: 'Email' }))).toBe('ann@example.com');
    expect(valueOf(screen.getByRole('textbox', { name: 'Organisation' }))).toBe('Acme');
  });

  it('asks for a name without calling main', async () => {
    const captured = vi.fn();
    renderInApp(form(), { requests: { 'events.captureMatches': () => [], 'events.capture': captured } });
    await userEvent.click(screen.getByRole('button', { name: 'Save person' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Name is required');
    expect(captured).not.toHaveBeenCalled();
  });

  it('offers someone already known and saves the meeting to them, with the keyboard', async () => {
    const samira = { id: 'c9', displayName: 'Samira Okafor', organisation: 'Acme', reasons: ['name' as const] };
    const matches = vi.fn((query: { name: string }) => (query.name.startsWith('Samira') ? [samira] : []));
    const captured = vi.fn(() => ({ contactId: 'c9', interactionId: 'i1' }));
    const onSaved = vi.fn();
    renderInApp(form({}, onSaved), { requests: { 'events.captureMatches': matches, 'events.capture': captured } });
    await userEvent.click(screen.getByRole('textbox', { name: /Name/ }));
    await userEvent.keyboard('Samira Okafr');
    await screen.findByRole('button', { name: 'It’s Samira Okafor, Acme' });
    // An answer belongs to the name it was asked for: typing on hides it at once, before the next one.
    await userEvent.keyboard('x');
    expect(screen.queryByRole('button', { name: 'It’s Samira Okafor, Acme' })).toBeNull();
    await userEvent.keyboard('{Backspace}');
    const offer = await screen.findByRole('button', { name: 'It’s Samira Okafor, Acme' });
    expect(screen.getByRole('group', { name: 'Already in Rapport?' })).toBeTruthy();
    offer.focus();
    await userEvent.keyboard('{Enter}');
    expect((await screen.findByText(/^Saving to/)).textContent).toMatch(/Saving to Samira Okafor, Acme, whom you/);
    await userEvent.click(screen.getByRole('button', { name: 'Save person' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('Samira Okafor'));
    expect(captured).toHaveBeenCalledWith(expect.objectContaining({ contactId: 'c9', name: 'Samira Okafr' }));
  });

  it('adds someone new when told the match is someone else', async () => {
    const samira = { id: 'c9', displayName: 'Samira Okafor', reasons: ['name' as const] };
    const captured = vi.fn(() => ({ contactId: 'c10', interactionId: 'i2' }));
    renderInApp(form(), { requests: { 'events.captureMatches': () => [samira], 'events.capture': captured } });
    await userEvent.type(screen.getByRole('textbox', { name: /Name/ }), 'Samira Okafor');
    await userEvent.click(await screen.findByRole('button', { name: 'It’s Samira Okafor' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add as someone new instead' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save person' }));
    await waitFor(() => expect(captured).toHaveBeenCalled());
    expect(captured).toHaveBeenCalledWith(expect.not.objectContaining({ contactId: expect.anything() }));
  });

  it('asks at Save when typed faster than the offer appears, and adds someone new only at a second Save', async () => {
    const megan = { id: 'c3', displayName: 'Megan Hughes', reasons: ['name' as const] };
    const captured = vi.fn(() => ({ contactId: 'c11', interactionId: 'i3' }));
    renderInApp(form(), { requests: { 'events.captureMatches': () => [megan], 'events.capture': captured } });
    // Typed and saved at once, as a fast typist does: the pause that brings the offer never came.
    await userEvent.type(screen.getByRole('textbox', { name: /Name/ }), 'Megan Hughes{Enter}');
    expect(await screen.findByText('Choose who it is, or press Save person again to add someone new.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'It’s Megan Hughes' })).toBeTruthy();
    expect(captured).not.toHaveBeenCalled();
    // A detail typed meanwhile is not part of the question: the next Save still adds them.
    await userEvent.type(screen.getByRole('textbox', { name: 'One detail' }), 'runs the Leeds JS meet-up');
    await userEvent.click(screen.getByRole('button', { name: 'Save person' }));
    await waitFor(() => expect(captured).toHaveBeenCalledOnce());
    expect(captured).toHaveBeenCalledWith(expect.not.objectContaining({ contactId: expect.anything() }));
  });
});

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
    const first = renderInApp(form(), { requests: { 'events.capture': captured } });
    await userEvent.type(screen.getByRole('textbox', { name: /Name/ }), 'Ann Lee');
    await userEvent.type(screen.getByRole('textbox', { name: 'One detail' }), 'runs Leeds JS');
    first.unmount();

    const onSaved = vi.fn();
    renderInApp(form({}, onSaved), { requests: { 'events.capture': captured } });
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
    window.localStorage.setItem('rapport.capture.e1', JSON.stringify({ name: 'Typed First', detail: 'met at lunch' }));
    renderInApp(form({ name: '', email: 'ann@example.com', organisation: 'Acme' }));
    expect(valueOf(screen.getByRole('textbox', { name: /Name/ }))).toBe('Typed First');
    expect(valueOf(screen.getByRole('textbox', { name: 'Email' }))).toBe('ann@example.com');
    expect(valueOf(screen.getByRole('textbox', { name: 'Organisation' }))).toBe('Acme');
  });

  it('asks for a name without calling main', async () => {
    const captured = vi.fn();
    renderInApp(form(), { requests: { 'events.capture': captured } });
    await userEvent.click(screen.getByRole('button', { name: 'Save person' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Name is required');
    expect(captured).not.toHaveBeenCalled();
  });
});

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ContactFields } from '../../../shared/domain/contact.ts';
import type { Result } from '../../../shared/ipc/result.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { AddPersonForm } from './AddPersonForm.tsx';

const saved = (fields: ContactFields): Result<never> =>
  ({
    ok: true,
    value: { ...fields, id: 'p1', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
  }) as never;

describe('AddPersonForm', () => {
  it('sends the trimmed, validated person with the default rhythm chosen', async () => {
    const create = vi.fn(async (fields: ContactFields) => saved(fields));
    const onAdded = vi.fn();
    renderInApp(<AddPersonForm create={create} onAdded={onAdded} defaultTier="regular" />);
    await userEvent.type(screen.getByLabelText(/Name/), '  Ada Lovelace ');
    await userEvent.type(screen.getByLabelText('Organisation'), 'Analytical Engines');
    await userEvent.type(screen.getByLabelText('Email'), 'ada@example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Add person' }));
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({
        displayName: 'Ada Lovelace',
        organisation: 'Analytical Engines',
        emails: [{ value: 'ada@example.org' }],
        tier: 'regular',
        archived: false,
      }),
    );
    expect(onAdded).toHaveBeenCalledWith(expect.objectContaining({ id: 'p1' }));
  });

  it('shows "Name is required" inline and sends nothing when the name is blank', async () => {
    const create = vi.fn();
    renderInApp(<AddPersonForm create={create} onAdded={vi.fn()} />);
    await userEvent.type(screen.getByLabelText(/Name/), '   ');
    await userEvent.click(screen.getByRole('button', { name: 'Add person' }));
    expect(create).not.toHaveBeenCalled();
    const name = screen.getByLabelText(/Name/);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Name is required');
    expect(name.getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id);
  });

  it('refuses an email that is not one', async () => {
    const create = vi.fn();
    renderInApp(<AddPersonForm create={create} onAdded={vi.fn()} />);
    await userEvent.type(screen.getByLabelText(/Name/), 'Grace');
    await userEvent.type(screen.getByLabelText('Email'), 'not-an-email');
    await userEvent.click(screen.getByRole('button', { name: 'Add person' }));
    expect(create).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
  });

  it('warns once before adding a second person with the same name', async () => {
    const create = vi.fn(async (fields: ContactFields) => saved(fields));
    // What the core answers for the typed name: the same name, and one that only starts the same.
    const sameName = vi.fn(async () => [
      { id: 'x', displayName: 'Priya Nair', organisation: 'Acme' },
      { id: 'y', displayName: 'Priya Nairobi' },
    ]);
    renderInApp(<AddPersonForm create={create} onAdded={vi.fn()} sameName={sameName} />);
    await userEvent.type(screen.getByLabelText(/Name/), 'priya nair');
    await userEvent.click(screen.getByRole('button', { name: 'Add person' }));
    expect(sameName).toHaveBeenCalledWith('priya nair');
    expect(create).not.toHaveBeenCalled();
    expect((await screen.findByRole('alert')).textContent).toContain('You already have Priya Nair (Acme)');
    await userEvent.click(screen.getByRole('button', { name: 'Add person' }));
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('shows a field error returned by main next to that field', async () => {
    const create = vi.fn(async () => ({
      ok: false as const,
      error: {
        code: 'invalid_input' as const,
        message: 'Invalid',
        details: [{ path: ['organisation'], message: 'Keep it shorter' }],
      },
    }));
    renderInApp(<AddPersonForm create={create} onAdded={vi.fn()} />);
    await userEvent.type(screen.getByLabelText(/Name/), 'Grace');
    await userEvent.click(screen.getByRole('button', { name: 'Add person' }));
    expect(screen.getByLabelText('Organisation').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Keep it shorter');
  });

  it('shows a general failure as a message and keeps what was typed', async () => {
    const create = vi.fn(async () => ({
      ok: false as const,
      error: { code: 'internal' as const, message: 'Rapport could not save.' },
    }));
    renderInApp(<AddPersonForm create={create} onAdded={vi.fn()} />);
    await userEvent.type(screen.getByLabelText(/Name/), 'Grace');
    await userEvent.click(screen.getByRole('button', { name: 'Add person' }));
    expect(screen.getByRole('alert').textContent).toBe('Rapport could not save.');
    expect((screen.getByLabelText(/Name/) as HTMLInputElement).value).toBe('Grace');
  });
});

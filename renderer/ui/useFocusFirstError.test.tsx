import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { expect, it, vi } from 'vitest';
import { Field, FormError } from './Field.tsx';
import { useFocusFirstError } from './useFocusFirstError.ts';

type Errors = Partial<Record<'name' | 'email' | 'form', string>>;

/** A form whose submit fails with `failure` each time. */
function Form({ failure }: { failure: Errors }) {
  const [errors, setErrors] = useState<Errors>({});
  const form = useFocusFirstError(errors);
  return (
    <form
      ref={form}
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({ ...failure });
      }}
    >
      <Field label="Name" error={errors.name} />
      <Field label="Email" error={errors.email} />
      <FormError error={errors.form} />
      <button type="submit">Save</button>
    </form>
  );
}

it('moves focus to the first field a failed submit marked invalid, each time it fails', async () => {
  render(<Form failure={{ email: 'That is not an email address' }} />);
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Email' })));
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Email' })));
});

it("brings the form's own message into view when no field is to blame, leaving focus where it is", async () => {
  const scrolled = vi.fn();
  HTMLElement.prototype.scrollIntoView = scrolled;
  render(<Form failure={{ form: 'Rapport could not save' }} />);
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(scrolled).toHaveBeenCalled());
  expect(scrolled.mock.contexts[0]).toBe(screen.getByRole('alert'));
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save' }));
});

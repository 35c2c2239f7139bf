import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';

/** Field messages keyed by the first segment of an error's path that a form cares about. */
export type FieldErrors = Record<string, string>;

/** Turns a failed request's field issues into one message per field (the first wins). */
export function errorsFrom(
  details: { path: (string | number)[]; message: string }[] | undefined,
  fallback: string,
  prefix: string[] = [],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const d of details ?? []) {
    const rest = d.path.slice(prefix.length).filter((p) => typeof p === 'string');
    const key = String(rest[0] ?? 'form');
    errors[key] ??= d.message;
  }
  if (!Object.keys(errors).length) errors.form = fallback;
  return errors;
}

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  hint?: string;
  error?: string | undefined;
}

/** A labelled textarea with its hint and error tied to it for screen readers (like ui/Field). */
export function TextArea({ label, hint, error, ...rest }: TextAreaProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <textarea id={id} rows={2} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...rest} />
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface SelectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  hint?: string;
  error?: string | undefined;
}

/** A labelled native select: keyboard and screen-reader behaviour come for free. */
export function SelectField({ label, value, onChange, children, hint, error }: SelectFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Parses a number input's text; empty or unreadable text is NaN so zod reports it. */
export const toNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

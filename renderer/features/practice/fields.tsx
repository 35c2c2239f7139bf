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

interface ChoiceGroupProps<V extends string> {
  legend: string;
  name: string;
  value: V | '';
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  hint?: ReactNode;
  error?: string | undefined;
}

/** Radio buttons in a fieldset: the legend names the group, so "Yes" and "No" are never ambiguous. */
export function ChoiceGroup<V extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  hint,
  error,
}: ChoiceGroupProps<V>) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className="checks">
        {options.map((option) => (
          <label key={option.value} className="check">
            <input
              type="radio"
              name={`${id}-${name}`}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * The note every practice form carries: stepping back is part of the method, and where the app
 * stops. Wording is not tied to one country's health service.
 */
export function SafetyNote({ children }: { children: ReactNode }) {
  return (
    <p className="notice practice-note" role="note">
      {children}
    </p>
  );
}

/** Where self-practice stops: said the same way on the screen and in the forms. */
export const PROFESSIONAL_HELP =
  'If anxiety keeps stopping you from doing things you care about, a doctor or a qualified therapist can help.';

import type { ComponentProps } from 'react';
import { Field } from './Field.tsx';

type ScoreFieldProps = Omit<ComponentProps<typeof Field>, 'type' | 'min' | 'max' | 'inputMode' | 'onChange'> & {
  max: number;
  onValue: (value: string) => void;
};

/** A whole-number rating from 0 to `max` (anxiety 0–10, belief 0–100), typed with the keyboard. */
export function ScoreField({ max, onValue, ...field }: ScoreFieldProps) {
  return (
    <Field {...field} type="number" min={0} max={max} inputMode="numeric" onChange={(e) => onValue(e.target.value)} />
  );
}

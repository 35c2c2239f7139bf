import { Tier } from '../../shared/domain/contact.ts';
import { useTierLabels } from '../api/useTierLabels.ts';
import { LiveError } from './LiveError.tsx';

/**
 * A form's choice of keep-in-touch tier (a native select, read with the form's data under `name`),
 * each option saying its interval as set in Settings now: "Close (every 2 weeks)".
 */
export function RhythmSelect({
  id,
  label,
  name,
  defaultValue,
  noneLabel,
  remakeOn,
}: {
  id: string;
  label: string;
  name: string;
  defaultValue: Tier | '';
  /** The first option, for no tier. */
  noneLabel: string;
  /** A select takes its default only once: a new value here makes it anew with `defaultValue`. */
  remakeOn?: string;
}) {
  const { labels, state } = useTierLabels();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select key={remakeOn} id={id} name={name} defaultValue={defaultValue}>
        <option value="">{noneLabel}</option>
        {Tier.options.map((t) => (
          <option key={t} value={t}>
            {labels[t]}
          </option>
        ))}
      </select>
      <LiveError state={state} what="how often each rhythm is" />
    </div>
  );
}

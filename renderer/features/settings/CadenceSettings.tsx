import { useEffect, useState, type FormEvent } from 'react';
import { Tier } from '../../../shared/domain/contact.ts';
import { KeepInTouchSettings } from '../../../shared/domain/settings.ts';
import { toFieldIssues } from '../../../shared/ipc/result.ts';
import { rapport } from '../../api/rapport.ts';
import { Field } from '../../ui/Field.tsx';

const NAMES: Record<Tier, string> = { close: 'Close', regular: 'Regular', occasional: 'Occasional', yearly: 'Yearly' };

/** The default rhythm of each tier, in days; people can still have their own. */
export function CadenceSettings() {
  const [settings, setSettings] = useState<KeepInTouchSettings | null>(null);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  useEffect(() => {
    void rapport()
      .settings.getKeepInTouch({})
      .then((r) => r.ok && setSettings(r.value));
  }, []);
  if (!settings) return null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const tiers = Object.fromEntries(
      Tier.options.map((t) => [
        t,
        { idealDays: Number(data.get(`${t}-ideal`)), maxDays: Number(data.get(`${t}-max`)) },
      ]),
    );
    const parsed = KeepInTouchSettings.safeParse({ tiers });
    if (!parsed.success) {
      const issue = toFieldIssues(parsed.error)[0];
      return setError(
        issue
          ? `${NAMES[issue.path[1] as Tier] ?? ''} ${issue.path.at(-1) === 'maxDays' ? 'maximum' : 'ideal'}: ${issue.message}`
          : 'Check the numbers',
      );
    }
    const result = await rapport().settings.setKeepInTouch(parsed.data);
    setError(result.ok ? '' : result.error.message);
    setSaved(result.ok ? 'Saved.' : '');
  }

  return (
    <form className="card cadence-settings" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="cadence-title">
      <h2 id="cadence-title">Keep-in-touch rhythms</h2>
      <p className="field-hint">
        Due after the ideal gap, overdue after the maximum. Any interaction starts the clock again.
      </p>
      {Tier.options.map((t) => (
        <fieldset key={t} className="row">
          <legend>{NAMES[t]}</legend>
          <Field
            label="Ideal (days)"
            name={`${t}-ideal`}
            type="number"
            min={1}
            defaultValue={settings.tiers[t].idealDays}
          />
          <Field
            label="Maximum (days)"
            name={`${t}-max`}
            type="number"
            min={1}
            defaultValue={settings.tiers[t].maxDays}
          />
        </fieldset>
      ))}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary">
        Save rhythms
      </button>
      <span role="status"> {saved}</span>
    </form>
  );
}

import { useEffect, useId, useState, type FormEvent } from 'react';
import { TIER_NAMES } from '../../../shared/domain/cadence.ts';
import { Tier } from '../../../shared/domain/contact.ts';
import { KeepInTouchSettings } from '../../../shared/domain/settings.ts';
import { toFieldIssues } from '../../../shared/ipc/result.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { RestoredDraft } from '../../ui/drafts/RestoredDraft.tsx';
import { useFormDraft } from '../../ui/drafts/useFormDraft.ts';
import { Field } from '../../ui/Field.tsx';
import { RhythmSelect } from '../../ui/RhythmSelect.tsx';
import { useFocusFirstError } from '../../ui/useFocusFirstError.ts';

/** The default rhythm of each tier, in days, and the rhythm new and imported people start with. */
export function CadenceSettings() {
  const id = useId();
  const request = useRequest();
  const [settings, setSettings] = useState<KeepInTouchSettings | null>(null);
  const [error, setError] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    void request(() => rapport().settings.getKeepInTouch({}), { action: 'load the rhythms' }).then(
      (r) => r.ok && setSettings(r.value),
    );
  }, [request]);
  const formRef = useFocusFirstError(fieldErrors);
  // Numbers changed and not saved stay for the next visit while the saved rhythms are unchanged.
  const typed = useFormDraft(settings ? 'settings:keep-in-touch' : null, formRef);
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
    const defaultTier = String(data.get('defaultTier') ?? '');
    const parsed = KeepInTouchSettings.safeParse({ tiers, ...(defaultTier ? { defaultTier } : {}) });
    if (!parsed.success) {
      // Every field's message beside it at once, so four mistakes take one round, not four.
      const byField: Record<string, string> = {};
      for (const issue of toFieldIssues(parsed.error))
        if (issue.path[0] === 'tiers')
          byField[`${issue.path[1]}-${issue.path[2] === 'maxDays' ? 'max' : 'ideal'}`] ??= issue.message;
      setFieldErrors(byField);
      return setError(Object.keys(byField).length ? '' : 'Check the numbers');
    }
    setFieldErrors({});
    setError('');
    const result = await request(() => rapport().settings.setKeepInTouch(parsed.data), {
      action: 'save the rhythms',
      onError: (e) => setError(e.message),
      success: () => ({ title: 'Saved the keep-in-touch rhythms' }),
    });
    if (!result.ok) return;
    typed.forget();
    setSettings(result.value);
  }

  return (
    <form
      ref={formRef}
      className="card form cadence-settings"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="cadence-title"
    >
      <div>
        <h2 id="cadence-title">Keep-in-touch rhythms</h2>
        <p className="field-hint">
          Due after the ideal gap, overdue after the maximum. Any interaction starts the clock again.
        </p>
      </div>
      <RestoredDraft what="keep-in-touch rhythms" draft={typed} />
      <RhythmSelect
        id={`${id}-default`}
        label="Rhythm for new and imported people"
        name="defaultTier"
        defaultValue={settings.defaultTier ?? ''}
        noneLabel="None: I choose for each person"
      />
      <div className="tier-grid">
        {Tier.options.map((t) => (
          <fieldset key={t} className="row">
            <legend>{TIER_NAMES[t]}</legend>
            <Field
              label="Ideal (days)"
              name={`${t}-ideal`}
              type="number"
              min={1}
              defaultValue={settings.tiers[t].idealDays}
              error={fieldErrors[`${t}-ideal`]}
            />
            <Field
              label="Maximum (days)"
              name={`${t}-max`}
              type="number"
              min={1}
              defaultValue={settings.tiers[t].maxDays}
              error={fieldErrors[`${t}-max`]}
            />
          </fieldset>
        ))}
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div>
        <button type="submit" className="primary">
          Save rhythms
        </button>
      </div>
    </form>
  );
}

import { useEffect, useState } from 'react';
import type { NetworkSettings } from '../../../shared/domain/network/settings.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { Field, FormError } from '../../ui/Field.tsx';

/** Weekly no-ask target, job-hunt mode and the guard's months; saved as one settings value. */
export function NetworkSettingsForm() {
  const request = useRequest();
  const [settings, setSettings] = useState<NetworkSettings | null>(null);
  const [error, setError] = useState<string>();
  useEffect(() => {
    void request(() => rapport().network.getSettings({}), { action: 'load the network settings' }).then(
      (r) => r.ok && setSettings(r.value),
    );
  }, [request]);
  if (!settings) return <p className="muted">Loading…</p>;

  const save = (next: NetworkSettings) => {
    setSettings(next);
    setError(undefined);
    void request(() => rapport().network.setSettings(next), {
      action: 'save the network settings',
      onError: (e) => setError(e.message),
    });
  };
  const number = (value: string, min: number, max: number) =>
    Math.min(max, Math.max(min, Number.parseInt(value, 10) || min));

  return (
    <form className="network-settings" onSubmit={(e) => e.preventDefault()}>
      <Field
        label="No-ask touches each week"
        hint="A catch-up, a congratulation or a useful link: contact that asks for nothing. Shown on Today."
        type="number"
        min={0}
        max={50}
        value={settings.weeklyNoAskTarget}
        onChange={(e) => save({ ...settings, weeklyNoAskTarget: number(e.target.value, 0, 50) })}
      />
      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={settings.jobHuntMode}
            onChange={(e) => save({ ...settings, jobHuntMode: e.target.checked })}
          />
          Job-hunt mode
        </label>
        <p className="field-hint">
          Before you ask someone for something, Rapport checks when you last spoke or gave, and suggests reconnecting
          first when it has been a while.
        </p>
      </div>
      <Field
        label="Suggest reconnecting after (months)"
        type="number"
        min={1}
        max={60}
        disabled={!settings.jobHuntMode}
        value={settings.guardMonths}
        onChange={(e) => save({ ...settings, guardMonths: number(e.target.value, 1, 60) })}
      />
      <FormError error={error} />
    </form>
  );
}

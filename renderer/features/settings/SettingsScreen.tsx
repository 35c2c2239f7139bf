import { useEffect, useState } from 'react';
import type { RequestOutput } from '../../../shared/ipc/contract.ts';
import { rapport } from '../../api/rapport.ts';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { BackupSettings } from '../backup/BackupSettings.tsx';
import { ReminderSettings } from '../today/ReminderSettings.tsx';
import { CadenceSettings } from './CadenceSettings.tsx';

type AppInfo = RequestOutput<'app.info'>;

export function SettingsScreen() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    void rapport()
      .app.info({})
      .then((r) => (r.ok ? setInfo(r.value) : setError(r.error.message)));
  }, []);

  return (
    <section aria-labelledby="screen-title">
      <ScreenHeading>Settings</ScreenHeading>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {info ? (
        <dl className="facts">
          <dt>Version</dt>
          <dd>{info.version}</dd>
          <dt>Running as</dt>
          <dd>{info.mode === 'desktop' ? 'Desktop app' : 'Browser mode (npm run serve)'}</dd>
          <dt>Data folder</dt>
          <dd>
            <code>{info.dataDir}</code>
          </dd>
          <dt>Storage</dt>
          <dd>
            {info.persistent
              ? 'Saved on this computer.'
              : 'Not saved yet: this version keeps everything in memory, and it is lost when Rapport stops.'}
          </dd>
        </dl>
      ) : null}
      <CadenceSettings />
      <ReminderSettings />
      <BackupSettings />
    </section>
  );
}

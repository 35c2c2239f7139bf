import { useAppInfo } from '../../api/AppInfoProvider.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { BackupSettings } from '../backup/BackupSettings.tsx';
import { SyncSettings } from '../sync/SyncSettings.tsx';
import { MyCardSettings } from '../cards/MyCardSettings.tsx';
import { ReminderSettings } from '../today/ReminderSettings.tsx';
import { CadenceSettings } from './CadenceSettings.tsx';
import './settings.css';

export function SettingsScreen() {
  const info = useAppInfo();
  return (
    <section aria-labelledby="screen-title" className="screen settings">
      <ScreenHeading>Settings</ScreenHeading>
      {info ? (
        <section className="card" aria-labelledby="about-title">
          <h2 id="about-title">This computer</h2>
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
        </section>
      ) : null}
      <MyCardSettings />
      <CadenceSettings />
      <ReminderSettings />
      <BackupSettings />
      <SyncSettings />
    </section>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  ReminderSettings as ReminderSettingsSchema,
  type ReminderSettings as Settings,
} from '../../../shared/domain/reminders/settings.ts';
import type { ReminderSettingsView } from '../../../shared/domain/reminders/views.ts';
import { useAppInfo } from '../../api/AppInfoProvider.tsx';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { downloadIcs } from './download.ts';
import { RestoredDraft } from '../../ui/drafts/RestoredDraft.tsx';
import { useFormDraft } from '../../ui/drafts/useFormDraft.ts';

/** What this computer can do with reminders, in words. */
function hostNote(host: ReminderSettingsView['host']): string {
  if (!host.notifications)
    return 'Notifications appear only in the desktop app. Here, reminders show on the Today screen.';
  if (host.tray === false)
    return 'This desktop has no tray area, so there is no tray icon: reminders arrive as notifications only.';
  return 'Reminders arrive as notifications and in the tray menu, also while the window is closed.';
}

/** The times' names as the form shows them, for a message about one of them. */
const TIME_FIELDS: Record<string, string> = {
  digestTime: 'Daily digest time',
  'quietHours.start': 'Quiet hours from',
  'quietHours.end': 'Quiet hours until',
};

/**
 * Settings → Reminders: notifications, the daily digest time, quiet hours, "Open at login" (desktop),
 * and the calendar export. Mounted by the Settings screen.
 */
export function ReminderSettings() {
  const [view, setView] = useState<ReminderSettingsView | null>(null);
  const [error, setError] = useState('');
  const request = useRequest();
  const dataDir = useAppInfo()?.dataDir ?? '';
  useEffect(() => {
    void request(() => rapport().reminders.getSettings({}), { action: 'load the reminder settings' }).then(
      (r) => r.ok && setView(r.value),
    );
  }, [request]);
  const formRef = useRef<HTMLFormElement>(null);
  const typed = useFormDraft(view ? 'settings:reminders' : null, formRef);
  if (!view) return null;
  const { host } = view;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const on = (name: string) => data.get(name) === 'on';
    const candidate: Settings = {
      notifications: on('notifications'),
      digest: on('digest'),
      digestTime: String(data.get('digestTime')),
      eventFollowUps: on('eventFollowUps'),
      quietHours: { enabled: on('quiet'), start: String(data.get('quietStart')), end: String(data.get('quietEnd')) },
      openAtLogin: on('openAtLogin'),
    };
    const parsed = ReminderSettingsSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = TIME_FIELDS[issue?.path.join('.') ?? ''];
      return setError(field ? `${field}: ${issue!.message}.` : (issue?.message ?? 'Check the times.'));
    }
    const { quietHours } = parsed.data;
    if (quietHours.enabled && quietHours.start === quietHours.end)
      return setError('Quiet hours start and end at the same time: choose when they end, or turn them off.');
    setError('');
    const result = await request(() => rapport().reminders.setSettings(parsed.data), {
      action: 'save the reminder settings',
      onError: (e) => setError(e.message),
      success: () => ({ title: 'Saved the reminder settings' }),
    });
    if (!result.ok) return;
    typed.forget();
    setView(result.value);
  }

  return (
    <form
      ref={formRef}
      className="card form reminder-settings"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="reminder-settings-title"
    >
      <h2 id="reminder-settings-title">Reminders</h2>
      <p className="field-hint">{hostNote(host)}</p>
      <RestoredDraft what="reminders" draft={typed} />
      <label className="check">
        <input type="checkbox" name="notifications" defaultChecked={view.notifications} /> Show notifications
      </label>
      <fieldset className="row">
        <legend>Daily digest</legend>
        <label className="check">
          <input type="checkbox" name="digest" defaultChecked={view.digest} /> One notification a day listing who to
          reach out to
        </label>
        <label className="check">
          At <input type="time" name="digestTime" defaultValue={view.digestTime} required />
        </label>
      </fieldset>
      <label className="check">
        <input type="checkbox" name="eventFollowUps" defaultChecked={view.eventFollowUps} /> Remind me to follow up two
        days after a conference or meet-up
      </label>
      <fieldset className="row">
        <legend>Quiet hours</legend>
        <label className="check">
          <input type="checkbox" name="quiet" defaultChecked={view.quietHours.enabled} /> No notifications
        </label>
        <label className="check">
          from <input type="time" name="quietStart" defaultValue={view.quietHours.start} />
        </label>
        <label className="check">
          until <input type="time" name="quietEnd" defaultValue={view.quietHours.end} />
        </label>
      </fieldset>
      <p className="field-hint">A reminder due during quiet hours waits until they end; nothing is lost.</p>
      {host.notifications ? (
        <label className="check">
          <input type="checkbox" name="openAtLogin" defaultChecked={view.openAtLogin} /> Open Rapport when I log in (it
          starts in the tray)
        </label>
      ) : (
        <input type="hidden" name="openAtLogin" value={view.openAtLogin ? 'on' : ''} />
      )}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div>
        <button type="submit" className="primary">
          Save reminder settings
        </button>
      </div>
      <h3>Calendar</h3>
      <p className="field-hint">
        Birthdays and keep-in-touch dates, for your calendar app. Names and dates only, never notes.
        {dataDir ? (
          <>
            {' '}
            A copy kept up to date for subscribing: <code>{dataDir}/rapport-reminders.ics</code>
          </>
        ) : null}
      </p>
      <div>
        <button
          type="button"
          onClick={() =>
            void request(downloadIcs, { action: 'export the calendar', success: () => ({ title: 'Calendar saved' }) })
          }
        >
          Export calendar (.ics)
        </button>
      </div>
    </form>
  );
}

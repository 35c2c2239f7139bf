import { AlarmClock, CalendarX2, Clock, MoreHorizontal } from 'lucide-react';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { formatDateShort } from '../../ui/dates.ts';
import { Menu } from '../../ui/Menu.tsx';
import { undoReminderChange } from './reminder-undo.ts';

/**
 * Later: snooze for a day or a week, or skip this cycle; each says what it did, with Undo, which
 * puts back the hold they had before (none, or an earlier snooze).
 */
export function LaterMenu({ personId, name }: { personId: string; name: string }) {
  const request = useRequest();
  const snooze = (days: 1 | 7) =>
    void request(() => rapport().reminders.snooze({ personId, days }), {
      action: `snooze ${name}`,
      success: ({ until, change }) => ({
        title: `Snoozed ${name} until ${formatDateShort(until)}`,
        undo: undoReminderChange(change),
      }),
    });
  return (
    <Menu
      label={`Later for ${name}`}
      trigger={
        <button type="button" className="ghost small" aria-label={`Later for ${name}`}>
          <Clock size={14} aria-hidden /> Later <MoreHorizontal size={14} aria-hidden />
        </button>
      }
      items={[
        { label: 'Snooze 1 day', icon: <AlarmClock size={14} />, onSelect: () => snooze(1) },
        { label: 'Snooze 1 week', icon: <AlarmClock size={14} />, onSelect: () => snooze(7) },
        {
          label: 'Skip this cycle',
          icon: <CalendarX2 size={14} />,
          onSelect: () =>
            void request(() => rapport().reminders.skip({ personId }), {
              action: `skip ${name} this cycle`,
              success: ({ change }) => ({ title: `Skipped ${name} this cycle`, undo: undoReminderChange(change) }),
            }),
        },
      ]}
    />
  );
}

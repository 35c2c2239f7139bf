import type { ReminderChange } from '../../../shared/ipc/channels/reminders.ts';
import { rapport } from '../../api/rapport.ts';
import type { Undo } from '../../ui/Toast.tsx';

/** The Undo of a Later or nudge answer: sends back what it changed, which main puts back as it was. */
export const undoReminderChange = (change: ReminderChange): Undo => ({ run: () => rapport().reminders.undo(change) });

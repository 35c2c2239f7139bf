import type { Result } from '../../../shared/ipc/result.ts';
import { rapport } from '../../api/rapport.ts';
import { saveText } from '../backup/files.ts';

/**
 * Saves the reminders calendar through a Blob link: works the same in browser mode and in the
 * desktop window (Electron shows its save dialog for downloads).
 */
export async function downloadIcs(): Promise<Result<{ filename: string }>> {
  const result = await rapport().reminders.exportIcs({});
  if (!result.ok) return result;
  saveText(result.value.filename, result.value.text, 'text/calendar;charset=utf-8');
  return { ok: true, value: { filename: result.value.filename } };
}

import { rapport } from '../../api/rapport.ts';

/**
 * Saves the reminders calendar through a Blob link: works the same in browser mode and in the
 * desktop window (Electron shows its save dialog for downloads).
 * @returns an error message, or undefined on success.
 */
export async function downloadIcs(): Promise<string | undefined> {
  const result = await rapport().reminders.exportIcs({});
  if (!result.ok) return result.error.message;
  const url = URL.createObjectURL(new Blob([result.value.text], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = result.value.filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return undefined;
}

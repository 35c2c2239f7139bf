/**
 * What a vCard export says when it is done: how many people went into the file and, when the
 * export had to change kept data to write valid lines, a one-line summary with the list of
 * changes on demand (see docs/vcard.md, "Export hygiene").
 */
import type { ExportReport } from '../../../shared/ipc/channels/interchange.ts';
import type { ToastSpec } from '../../ui/Toast.tsx';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function exportToast(
  file: { fileName: string; count: number; report: ExportReport },
  version: '3.0' | '4.0',
): ToastSpec {
  const title = `Exported ${plural(file.count, 'person', 'people')}`;
  const { renamed, converted, leftOut, notes } = file.report;
  const total = renamed + converted + leftOut;
  if (total === 0) return { title, description: file.fileName };
  const parts = [
    renamed ? `${renamed} renamed` : '',
    converted ? `${converted} converted` : '',
    leftOut ? `${leftOut} left out` : '',
  ].filter(Boolean);
  const items = notes.map((n) => `${n.displayName}: ${n.message}`);
  if (total > notes.length) items.push(`…and ${plural(total - notes.length, 'other change', 'other changes')}`);
  return {
    title,
    description: `${file.fileName}. ${plural(total, 'kept detail was', 'kept details were')} changed to fit vCard ${version}: ${parts.join(', ')}.`,
    details: { label: 'What changed', items },
  };
}

import { useMemo } from 'react';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { exportToast } from './export-report.ts';
import { saveText } from './files.ts';
import { peopleCount } from '../../ui/counted.ts';

/**
 * Export everyone (or `ids`, a selection) as vCard 3.0 or 4.0 or a Google Contacts CSV, or
 * everything as the JSON archive; the toast says how many people went into the file and, for vCard, what the export
 * had to change to write valid lines (the details open on demand).
 */
export function useExport(ids?: string[]) {
  const request = useRequest();
  const key = ids?.join(',');
  return useMemo(() => {
    const chosen = key ? key.split(',') : undefined;
    return {
      vcard: (version: '3.0' | '4.0') =>
        void request(() => rapport().interchange.exportVCard({ version, ...(chosen ? { ids: chosen } : {}) }), {
          action: 'export the vCard file',
          success: (file) => {
            saveText(file.fileName, file.text, 'text/vcard');
            return exportToast(file, version);
          },
        }),
      csv: () =>
        void request(() => rapport().interchange.exportCsv(chosen ? { ids: chosen } : {}), {
          action: 'export the CSV file',
          success: (file) => {
            saveText(file.fileName, file.text, 'text/csv');
            return {
              title: `Exported ${peopleCount(file.count)} as CSV (Google Contacts)`,
              description: `${file.fileName}. The archive keeps what CSV has no column for.`,
            };
          },
        }),
      archive: () =>
        void request(() => rapport().interchange.exportArchive({}), {
          action: 'export the archive',
          success: (file) => {
            saveText(file.fileName, file.text, 'application/json');
            return { title: `Exported the full archive (${peopleCount(file.count)})`, description: file.fileName };
          },
        }),
    };
  }, [request, key]);
}

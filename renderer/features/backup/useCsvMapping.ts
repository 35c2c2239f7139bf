import { useCallback, useMemo, useRef, useState } from 'react';
import type { CsvMapping } from '../../../shared/domain/csv-mapping.ts';
import type { ImportPreview } from '../../../shared/ipc/channels/interchange.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';

export interface CsvDraft {
  /** The columns as the user has set them; ahead of the preview while the file is read again. */
  mapping: CsvMapping;
  remember: boolean;
  /** How the file was first read (detected, remembered or guessed). */
  original: CsvMapping;
}

type Wanted = Pick<CsvDraft, 'mapping' | 'remember'>;

/**
 * The CSV mapping step's state: the user's columns, and reading the file again after each change.
 * Reads run one at a time, each on the preview the one before produced, and only the latest
 * change waits: picking three fields quickly reads the file at most twice. A failed read is shown
 * next to the columns and puts them back as the preview on screen has them.
 */
export function useCsvMapping(onPreview: (preview: ImportPreview) => void) {
  const request = useRequest();
  const [draft, setDraft] = useState<CsvDraft | null>(null);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState('');
  const latest = useRef<ImportPreview | null>(null);
  const wanted = useRef<Wanted | null>(null);
  const running = useRef(false);

  const fromPreview = (preview: ImportPreview, original?: CsvMapping): CsvDraft | null =>
    preview.csv
      ? { mapping: preview.csv.mapping, remember: preview.csv.remembered, original: original ?? preview.csv.mapping }
      : null;

  /** A new file's preview: the columns start as it was read. */
  const start = useCallback((preview: ImportPreview) => {
    latest.current = preview;
    setError('');
    setDraft(fromPreview(preview));
  }, []);

  const change = useCallback(
    async (mapping: CsvMapping, remember: boolean) => {
      setDraft((d) => (d ? { ...d, mapping, remember } : d));
      wanted.current = { mapping, remember };
      if (running.current) return;
      running.current = true;
      setReading(true);
      setError('');
      while (wanted.current && latest.current) {
        const next: Wanted = wanted.current;
        const current: ImportPreview = latest.current;
        wanted.current = null;
        // Only a change of mind is sent: an untouched "remember" writes no setting.
        const rememberLayout = next.remember ? true : current.csv?.remembered ? false : undefined;
        const result = await request(
          () =>
            rapport().interchange.preview({
              fileName: current.fileName,
              sessionId: current.sessionId,
              csvMapping: next.mapping,
              ...(rememberLayout === undefined ? {} : { rememberLayout }),
            }),
          {
            action: 'read the file with these columns',
            onError: (e) => setError(`Could not read the file with these columns: ${e.message}`),
          },
        );
        if (!result.ok) {
          wanted.current = null;
          setDraft((d) => (d ? fromPreview(current, d.original) : d));
          break;
        }
        latest.current = result.value;
        onPreview(result.value);
        if (!wanted.current) setDraft((d) => (d ? fromPreview(result.value, d.original) : d));
      }
      running.current = false;
      setReading(false);
    },
    [request, onPreview],
  );

  return useMemo(() => ({ draft, reading, error, start, change }), [draft, reading, error, start, change]);
}

import { useState } from 'react';
import { rapport } from '../../api/rapport.ts';
import { saveText } from './files.ts';

/**
 * Export everyone (or `ids`, a selection) as vCard 3.0 or 4.0, or everything as the JSON archive.
 * Mount in the People screen header (everyone) and the bulk bar (a selection).
 */
export function ExportButtons({ ids }: { ids?: string[] }) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  async function exportVCard(version: '3.0' | '4.0') {
    setBusy(true);
    const result = await rapport().interchange.exportVCard({ version, ...(ids ? { ids } : {}) });
    setBusy(false);
    if (!result.ok) return setStatus(result.error.message);
    saveText(result.value.fileName, result.value.text, 'text/vcard');
    setStatus(`Exported ${result.value.count} ${result.value.count === 1 ? 'person' : 'people'}.`);
  }

  async function exportArchive() {
    setBusy(true);
    const result = await rapport().interchange.exportArchive({});
    setBusy(false);
    if (!result.ok) return setStatus(result.error.message);
    saveText(result.value.fileName, result.value.text, 'application/json');
    setStatus(`Exported the full archive (${result.value.count} people).`);
  }

  return (
    <div className="actions export-buttons" role="group" aria-label="Export">
      <button type="button" disabled={busy} onClick={() => void exportVCard('3.0')}>
        Export vCard
      </button>
      <button type="button" disabled={busy} onClick={() => void exportVCard('4.0')}>
        Export vCard 4.0
      </button>
      {ids ? null : (
        <button type="button" disabled={busy} onClick={() => void exportArchive()}>
          Export archive (JSON)
        </button>
      )}
      <span role="status" className="person-meta">
        {status}
      </span>
    </div>
  );
}

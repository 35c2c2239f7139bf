import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ExportReport } from '../../../shared/ipc/channels/interchange.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { useExport } from './useExport.ts';

function ExportButton() {
  const exporter = useExport();
  return (
    <button type="button" onClick={() => exporter.vcard('4.0')}>
      Export vCard 4.0
    </button>
  );
}

const NONE: ExportReport = { renamed: 0, converted: 0, leftOut: 0, notes: [] };

async function exportWith(report: ExportReport) {
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test');
  renderInApp(<ExportButton />, {
    requests: {
      'interchange.exportVCard': () => ({
        fileName: 'rapport-people-2026-03-18.vcf',
        text: 'BEGIN:VCARD',
        count: 2,
        report,
      }),
    },
  });
  await userEvent.click(screen.getByRole('button', { name: 'Export vCard 4.0' }));
  await screen.findByText('Exported 2 people');
}

describe('the vCard export report', () => {
  it('says only how many people went out when nothing had to change', async () => {
    await exportWith(NONE);
    expect(screen.getByText('rapport-people-2026-03-18.vcf')).toBeTruthy();
    expect(screen.queryByText('What changed')).toBeNull();
  });

  it('sums up what the export changed, with each change on demand', async () => {
    await exportWith({
      renamed: 1,
      converted: 0,
      leftOut: 1,
      notes: [
        {
          personId: 'p1',
          displayName: 'Zofia Nowak',
          property: 'X-MESSAGING/GADU-ALL',
          outcome: 'renamed',
          writtenAs: 'X-MESSAGING-GADU-ALL',
          message:
            'X-MESSAGING/GADU-ALL: "X-MESSAGING/GADU-ALL" is not a valid property name; written as X-MESSAGING-GADU-ALL',
        },
        {
          personId: 'p1',
          displayName: 'Zofia Nowak',
          property: 'PHOTO',
          outcome: 'left out',
          message: 'The photo was left out: its base64 data is broken',
        },
      ],
    });
    expect(
      screen.getByText(
        'rapport-people-2026-03-18.vcf. 2 kept details were changed to fit vCard 4.0: 1 renamed, 1 left out.',
      ),
    ).toBeTruthy();
    const details = screen.getByText('What changed').closest('details')!;
    expect(details.open).toBe(false);
    // Radix's toast region takes pointer events only from the render after it learns it holds a
    // toast; on a busy machine the click can come first and is refused, so it is tried again.
    await waitFor(() => userEvent.click(screen.getByText('What changed')));
    expect(details.open).toBe(true);
    expect(screen.getByText('Zofia Nowak: The photo was left out: its base64 data is broken')).toBeTruthy();
  });

  it('counts the changes it does not list', async () => {
    const note = {
      personId: 'p',
      displayName: 'Someone',
      property: 'X-A',
      outcome: 'converted' as const,
      message: 'X-A: its parameter "a b" is written as X-A-B',
    };
    await exportWith({ renamed: 0, converted: 3, leftOut: 0, notes: [note, note] });
    expect(screen.getByText('…and 1 other change')).toBeTruthy();
  });
});

function CsvButton({ ids }: { ids?: string[] }) {
  const exporter = useExport(ids);
  return (
    <button type="button" onClick={() => exporter.csv()}>
      Export CSV
    </button>
  );
}

describe('the CSV export', () => {
  it('saves the selection as a Google Contacts CSV and says what CSV leaves to the archive', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test');
    const exportCsv = vi.fn(() => ({ fileName: 'rapport-person-2026-03-18.csv', text: 'Name\r\nSam', count: 1 }));
    renderInApp(<CsvButton ids={['sam']} />, { requests: { 'interchange.exportCsv': exportCsv } });
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Exported 1 person as CSV (Google Contacts)')).toBeTruthy();
    expect(exportCsv).toHaveBeenCalledWith(expect.objectContaining({ ids: ['sam'] }));
    // The toast's own text: Radix's announcer repeats it for a moment in a hidden live region.
    expect(
      screen.getByText(/The archive keeps what CSV has no column for/, { selector: '.toast-description' }),
    ).toBeTruthy();
  });
});

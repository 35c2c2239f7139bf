import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CsvColumn, CsvMapping } from '../../../shared/domain/csv-mapping.ts';
import type { CsvPreview, ImportPreview, ImportSummary } from '../../../shared/ipc/channels/interchange.ts';
import type { RapportError } from '../../../shared/ipc/result.ts';
import type { FakeHandlers } from '../../test-support/fake-rapport.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { withField } from './csv-mapping-edit.ts';
import { ImportDialog } from './ImportDialog.tsx';

/** A small Outlook-like file: header → the values of its two rows. */
const FILE: [string, CsvColumn['field'], string, string][] = [
  ['First Name', 'givenName', 'Ines', 'Tomasz'],
  ['Last Name', 'familyName', 'Okonkwo-Berg', 'Wielki'],
  ['Mobile Phone', 'phone', '+44 7700 900111', ''],
  ['Pager', 'phone', '', ''],
  ['User 1', 'keep', 'https://www.linkedin.com/in/ines', 'https://www.linkedin.com/in/tomasz'],
];
const DETECTED: CsvMapping = {
  layout: 'outlook',
  signature: 'csv1-5-0badf00d',
  columns: FILE.map(([header, field], index) => ({
    index,
    header,
    field,
    ...(header === 'Mobile Phone' ? { label: 'mobile' } : {}),
  })),
};

/**
 * Main's side, faked: each read gives a new session, and the people are named from whichever
 * columns the mapping sends to the name fields, so the table shows what the mapping did.
 */
function fakeMain(options: { source?: CsvPreview['source']; remembered?: boolean; failAgain?: RapportError } = {}) {
  let sessions = 0;
  const read = (mapping: CsvMapping, source: CsvPreview['source'], remembered: boolean): ImportPreview => {
    const names = [2, 3].map((valueAt) =>
      mapping.columns
        .filter((c) => ['givenName', 'familyName', 'displayName'].includes(c.field))
        .map((c) => FILE[c.index]![valueAt])
        .join(' '),
    );
    const cards = source === 'guessed' ? [] : names.filter(Boolean);
    return {
      sessionId: `s${++sessions}`,
      fileName: 'contacts.csv',
      format: source === 'guessed' ? 'unknown' : 'outlook-csv',
      cards: cards.map((displayName, index) => ({
        index,
        line: index + 2,
        displayName,
        status: 'new',
        matches: [],
        conflictFields: [],
        action: 'create',
      })),
      problems: [],
      counts: { new: cards.length, match: 0, conflict: 0, duplicate: 0 },
      csv: {
        layout: mapping.layout,
        source,
        remembered,
        mapping,
        samples: FILE.map(([, , a, b]) => [a, b].filter(Boolean)),
      },
    };
  };
  const first = { ...DETECTED, layout: options.source === 'guessed' ? ('custom' as const) : DETECTED.layout };
  return {
    'interchange.preview': (input: { sessionId?: string; csvMapping?: CsvMapping; rememberLayout?: boolean }) => {
      if (!input.sessionId) return read(first, options.source ?? 'detected', options.remembered ?? false);
      if (options.failAgain) return options.failAgain;
      return read(input.csvMapping!, 'chosen', input.rememberLayout === true);
    },
    'interchange.cancel': () => ({ cancelled: true }),
  };
}

async function openWith(handlers: FakeHandlers['requests']) {
  const view = renderInApp(<ImportDialog open onClose={() => {}} />, { requests: handlers });
  const file = new File(['(the fake reads no bytes)'], 'contacts.csv', { type: 'text/csv' });
  await userEvent.upload(screen.getByLabelText(/LinkedIn Connections\.csv/), file);
  await screen.findByRole('button', { name: 'Import' });
  return view;
}
const previews = (fake: { calls: { channel: string; input: unknown }[] }) =>
  fake.calls.filter((c) => c.channel === 'interchange.preview').map((c) => c.input as Record<string, unknown>);
const fieldOf = (header: string) =>
  screen.getByRole('combobox', { name: `Where "${header}" goes` }) as HTMLSelectElement;

describe('the CSV mapping step', () => {
  it('lists each column with its header, values and field; a change reads the file again and the people follow', async () => {
    const { fake } = await openWith(fakeMain());
    expect(screen.getByText('contacts.csv: 2 people — 2 new, 0 matching someone here, 0 in conflict.')).toBeTruthy();
    // A recognised layout keeps its columns folded away until asked for, by keyboard too.
    const summary = screen.getByText(/^Columns: recognised/);
    summary.focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByText('Recognised as an Outlook export.')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Where each column of the file goes' });
    const userOne = within(table).getByRole('row', { name: /User 1/ });
    expect(within(userOne).getByText('https://www.linkedin.com/in/ines')).toBeTruthy();
    expect(fieldOf('User 1').value).toBe('keep');
    expect(fieldOf('Mobile Phone').value).toBe('phone');
    expect(within(table).getByRole('row', { name: /Mobile Phone/ }).textContent).toContain('as “mobile”');

    // Columns without values wait behind a button.
    expect(screen.queryByRole('combobox', { name: 'Where "Pager" goes' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Show the 1 empty columns too' }));
    expect(fieldOf('Pager').value).toBe('phone');

    await userEvent.selectOptions(fieldOf('Last Name'), 'ignore');
    await screen.findByText('contacts.csv: 2 people — 2 new, 0 matching someone here, 0 in conflict.');
    await screen.findByRole('rowheader', { name: 'Tomasz' });
    const again = previews(fake).at(-1)!;
    expect(again).toEqual({
      fileName: 'contacts.csv',
      sessionId: 's1',
      csvMapping: withField(DETECTED, 1, 'ignore'),
    });
    expect(screen.getByText('Read as an Outlook export, with your changes.')).toBeTruthy();
    expect(fieldOf('Last Name').value).toBe('ignore');

    // Choosing the first field again gives the column back as it was read, label and all.
    await userEvent.selectOptions(fieldOf('Mobile Phone'), 'keep');
    await waitFor(() => expect(previews(fake)).toHaveLength(3));
    await userEvent.selectOptions(fieldOf('Mobile Phone'), 'phone');
    await waitFor(() => expect(previews(fake)).toHaveLength(4));
    expect((previews(fake).at(-1)!.csvMapping as CsvMapping).columns[2]).toEqual(DETECTED.columns[2]);
    expect(previews(fake).at(-1)!.sessionId).toBe('s3');
  });

  it('remembers the layout when asked, says when a remembered one was used, and forgets it when unticked', async () => {
    const { fake } = await openWith(fakeMain({ source: 'remembered', remembered: true }));
    await userEvent.click(screen.getByText(/^Columns: as you remembered them/));
    expect(screen.getByText('Read with the layout you remembered for these columns.')).toBeTruthy();
    const remember = screen.getByRole('checkbox', { name: 'Remember this layout' }) as HTMLInputElement;
    expect(remember.checked).toBe(true);
    expect(remember.getAttribute('aria-describedby')).toBeTruthy();

    await userEvent.click(remember);
    await waitFor(() => expect(previews(fake).at(-1)).toMatchObject({ sessionId: 's1', rememberLayout: false }));
    await waitFor(() => expect(remember.checked).toBe(false));

    // A change while unticked writes no setting; ticking again remembers the changed columns.
    await userEvent.selectOptions(fieldOf('User 1'), 'url');
    await waitFor(() => expect(previews(fake)).toHaveLength(3));
    expect(previews(fake).at(-1)).not.toHaveProperty('rememberLayout');
    await userEvent.click(remember);
    await waitFor(() => expect(previews(fake)).toHaveLength(4));
    expect(previews(fake).at(-1)).toMatchObject({ sessionId: 's3', rememberLayout: true });
    expect((previews(fake).at(-1)!.csvMapping as CsvMapping).columns[4]!.field).toBe('url');
    await waitFor(() => expect(remember.checked).toBe(true));
  });

  it('opens the columns of an unknown layout and reads nobody until they are confirmed', async () => {
    const handlers = fakeMain({ source: 'guessed' });
    let release: () => void = () => {};
    const { fake } = await openWith({
      ...handlers,
      'interchange.preview': async (input: Parameters<(typeof handlers)['interchange.preview']>[0]) => {
        if (input.sessionId) await new Promise<void>((resolve) => (release = resolve));
        return handlers['interchange.preview'](input);
      },
    });
    // Not read yet: no count of people (0 would say the file is empty) and no people to choose for.
    expect(screen.getByText('contacts.csv')).toBeTruthy();
    expect(screen.queryByText(/people/)).toBeNull();
    expect(screen.queryByRole('table', { name: 'People in the file' })).toBeNull();
    expect(screen.getByText(/Rapport does not know these columns/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Read the file with these columns' }));
    expect(await screen.findByText('contacts.csv: Reading…')).toBeTruthy();
    release();
    await screen.findByText('contacts.csv: 2 people — 2 new, 0 matching someone here, 0 in conflict.');
    expect(previews(fake).at(-1)).toEqual({
      fileName: 'contacts.csv',
      sessionId: 's1',
      csvMapping: { ...DETECTED, layout: 'custom' },
    });
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says when the file could not be read again, next to the columns, and puts the columns back', async () => {
    await openWith(fakeMain({ failAgain: { code: 'not_found', message: 'That import is no longer open.' } }));
    await userEvent.click(screen.getByText(/^Columns: recognised/));
    await userEvent.selectOptions(fieldOf('First Name'), 'nickname');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not read the file with these columns: That import is no longer open.',
    );
    await waitFor(() => expect(fieldOf('First Name').value).toBe('givenName'));
    expect(screen.getByRole('rowheader', { name: 'Ines Okonkwo-Berg' })).toBeTruthy();
  });

  it('reads one change at a time, each on the preview before it, and sends the latest columns', async () => {
    const handlers = fakeMain();
    let release: () => void = () => {};
    const slow = {
      ...handlers,
      'interchange.preview': async (input: Parameters<(typeof handlers)['interchange.preview']>[0]) => {
        if (input.sessionId) await new Promise<void>((resolve) => (release = resolve));
        return handlers['interchange.preview'](input);
      },
    };
    const { fake } = await openWith(slow);
    await userEvent.click(screen.getByText(/^Columns: recognised/));
    await userEvent.selectOptions(fieldOf('User 1'), 'url');
    await waitFor(() => expect(previews(fake)).toHaveLength(2));
    expect(screen.getByText('Reading the file again…')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
    // Two more changes while the first read runs: the select shows them at once, one read follows.
    await userEvent.selectOptions(fieldOf('First Name'), 'nickname');
    await userEvent.selectOptions(fieldOf('Last Name'), 'ignore');
    expect(fieldOf('Last Name').value).toBe('ignore');
    expect(previews(fake)).toHaveLength(2);
    release();
    await waitFor(() => expect(previews(fake)).toHaveLength(3));
    release();
    await waitFor(() => expect(screen.queryByText('Reading the file again…')).toBeNull());
    const last = previews(fake).at(-1)!;
    expect(last.sessionId).toBe('s2');
    expect((last.csvMapping as CsvMapping).columns.map((c) => c.field)).toEqual([
      'nickname',
      'ignore',
      'phone',
      'phone',
      'url',
    ]);
    expect(fieldOf('First Name').value).toBe('nickname');
  });

  it('says so when the import had finished before Cancel could stop it, and how to go back', async () => {
    let finish!: (summary: ImportSummary) => void;
    const written = new Promise<ImportSummary>((resolve) => (finish = resolve));
    await openWith({ ...fakeMain(), 'interchange.commit': () => written });
    await userEvent.click(screen.getByRole('button', { name: /^Import$/ }));
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel import' }));
    finish({ cancelled: false, created: 60, merged: 0, skipped: 0, interactions: 0 });
    expect(await screen.findByText(/^It had finished before it could stop\. Imported: 60 created/)).toBeTruthy();
    expect(screen.getByText(/Settings → Backups → Safety copies/)).toBeTruthy();
  });
});

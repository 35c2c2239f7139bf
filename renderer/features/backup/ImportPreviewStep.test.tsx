import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ImportPreview, PreviewCard } from '../../../shared/ipc/channels/interchange.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { ImportDialog } from './ImportDialog.tsx';

const row = (card: Partial<PreviewCard> & Pick<PreviewCard, 'index' | 'line' | 'displayName'>): PreviewCard => ({
  status: 'new',
  matches: [],
  conflictFields: [],
  action: 'create',
  ...card,
});

/** Ada here already; in the file twice. Grace in the file, and someone on her phone under another name. */
const PREVIEW: ImportPreview = {
  sessionId: 's1',
  fileName: 'people.vcf',
  format: 'vcard',
  problems: [],
  counts: { new: 2, match: 1, conflict: 0, duplicate: 1 },
  cards: [
    row({
      index: 0,
      line: 1,
      displayName: 'Ada Lovelace',
      status: 'match',
      action: 'merge',
      matches: [{ id: 'ada', displayName: 'Ada Lovelace', reasons: ['email'] }],
    }),
    row({ index: 1, line: 7, displayName: 'Grace Hopper' }),
    row({
      index: 2,
      line: 12,
      displayName: 'Ada Lovelace',
      status: 'duplicate',
      action: 'merge',
      sameAs: [{ index: 0, line: 1, displayName: 'Ada Lovelace', reasons: ['email', 'name'], differs: [] }],
    }),
    row({
      index: 3,
      line: 19,
      displayName: 'Admiral Hopper',
      sameAs: [
        {
          index: 1,
          line: 7,
          displayName: 'Grace Hopper',
          reasons: ['phone'],
          differs: ['displayName', 'organisation'],
        },
      ],
    }),
  ],
};

async function open(preview = PREVIEW) {
  const view = renderInApp(<ImportDialog open onClose={() => {}} />, {
    requests: {
      'interchange.preview': () => preview,
      'interchange.commit': () => ({ cancelled: false, created: 3, merged: 1, skipped: 0, interactions: 0 }),
      'interchange.cancel': () => ({ cancelled: true }),
    },
  });
  const file = new File(['(the fake reads no bytes)'], 'people.vcf', { type: 'text/vcard' });
  await userEvent.upload(screen.getByLabelText(/LinkedIn Connections\.csv/), file);
  await screen.findByText(/^people\.vcf: 4 people/);
  return view;
}
const actionOf = (name: string) => screen.getByRole('combobox', { name: `Action for ${name}` }) as HTMLSelectElement;

describe('the import preview, for a person who is in the file more than once', () => {
  it('names the line a later card repeats, merges it by default, and keeps apart one that differs', async () => {
    await open();
    expect(
      screen.getByText(
        'people.vcf: 4 people — 2 new, 1 matching someone here, 0 in conflict, 1 the same person as an earlier line.',
      ),
    ).toBeTruthy();
    const table = screen.getByRole('table', { name: 'People in the file' });
    const repeat = within(table).getAllByRole('row')[3]!;
    expect(repeat.textContent).toContain('Same person as line 1 Ada Lovelace (same email, name)');
    const repeated = actionOf('Ada Lovelace, line 12');
    expect(repeated.value).toBe('merge');
    expect([...repeated.options].map((o) => o.text)).toEqual(['Go with line 1', 'Create separately', 'Skip']);
    expect(within(table).getAllByRole('row')[4]!.textContent).toContain(
      'Looks like the same person as line 7, Grace Hopper (same phone), which differs in name, organisation: kept apart.',
    );
    expect(screen.getByText(/their later lines go where their first line goes/)).toBeTruthy();
  });

  it('leaves a repeat with its first line when a policy changes the matches, and sends a choice made for it', async () => {
    const { fake } = await open();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Policy for all matches' }), 'create');
    expect(actionOf('Ada Lovelace, line 1').value).toBe('create');
    expect(actionOf('Ada Lovelace, line 12').value).toBe('merge');
    await userEvent.selectOptions(actionOf('Ada Lovelace, line 12'), 'create');
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/^Imported: 3 created, 1 merged/);
    await waitFor(() =>
      expect(fake.calls.find((c) => c.channel === 'interchange.commit')?.input).toEqual({
        sessionId: 's1',
        policy: 'create',
        choices: [{ index: 2, action: 'create' }],
      }),
    );
  });
});

describe('the file’s problems in the preview', () => {
  it('come in file order, open before Import when a line was left out, and say how many of each', async () => {
    await open({
      ...PREVIEW,
      problems: [
        { file: 'people.vcf', line: 19, severity: 'warning', message: 'Birthday left out' },
        { file: 'people.vcf', line: 7, severity: 'error', message: 'A quote (") opens here and is never closed' },
        { file: 'people.vcf', line: 12, severity: 'warning', message: 'Phone kept as typed' },
      ],
    });
    const problems = screen.getByText(/^In the file:/).closest('details')!;
    expect(screen.getByText(/^In the file:/).textContent).toBe('In the file: 1 left out, 2 to check');
    expect(problems.open).toBe(true);
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.match(/line (\d+)/)?.[1]),
    ).toEqual(['7', '12', '19']);
  });
});

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { backupStatus } from '../failures/fixtures.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { BackupSettings } from './BackupSettings.tsx';

const backup = (name: string, createdAt: string) => ({ name, createdAt, counts: { contacts: 200 }, bytes: 1000 });

it('tells apart two backups made in the same minute, to the second, and names each Restore by its time', async () => {
  renderInApp(<BackupSettings />, {
    subscriptions: { 'backup.status': (_input, push) => push(backupStatus) },
    requests: {
      'backup.list': () => [
        backup('b2', '2026-03-18T12:00:41.000Z'),
        backup('b1', '2026-03-18T12:00:05.000Z'),
        backup('b0', '2026-03-17T09:30:00.000Z'),
        // Two in the same second (a clock held still): numbered.
        backup('a2', '2026-03-16T08:00:00.000Z'),
        backup('a1', '2026-03-16T08:00:00.000Z'),
      ],
    },
  });
  await userEvent.click(await screen.findByRole('button', { name: 'Show backups' }));
  const names = (await screen.findAllByRole('button', { name: /^Restore the backup of/ })).map((b) =>
    b.getAttribute('aria-label'),
  );
  expect(names).toHaveLength(5);
  expect(new Set(names).size).toBe(5);
  expect(names[0]).toMatch(/:41$/);
  expect(names[2]).not.toMatch(/:\d\d:\d\d$/);
  expect(names.slice(3)).toEqual([expect.stringMatching(/:00 \(1\)$/), expect.stringMatching(/:00 \(2\)$/)]);
});

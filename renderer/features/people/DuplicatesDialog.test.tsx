import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Contact } from '../../../shared/domain/contact.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { formDrafts, personDraftSlot } from '../../ui/drafts/draft-store.ts';
import { samContact } from '../failures/fixtures.ts';
import { blankLogDraft, draftKey, loadLogDraft, saveLogDraft } from '../log/log-draft.ts';
import { DuplicatesDialog } from './DuplicatesDialog.tsx';

const samuel: Contact = { ...samContact, id: 'samuel', displayName: 'Samuel Okafor', role: 'Designer' };
const Text = z.object({ text: z.string() });
const ref = (c: Contact) => ({ id: c.id, displayName: c.displayName });

describe('merging duplicates', () => {
  it('forgets what was typed about the person merged away, and keeps what was typed about the one kept', async () => {
    formDrafts.save(personDraftSlot('detail', 'samuel'), undefined, { text: 'about Samuel' });
    formDrafts.save(personDraftSlot('detail', 'sam'), undefined, { text: 'about Sam' });
    saveLogDraft(draftKey(['samuel'], ''), { ...blankLogDraft(['samuel'], ''), notes: 'a coffee with Samuel' });
    const merge = vi.fn(() => samContact);
    renderInApp(<DuplicatesDialog open onClose={vi.fn()} />, {
      requests: {
        'contacts.duplicates': () => [{ a: ref(samContact), b: ref(samuel), reasons: ['name' as const], score: 0.9 }],
        'contacts.get': ({ id }) => (id === 'sam' ? samContact : samuel),
        'contacts.merge': merge,
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Review' }));
    // Every choice is named by its field and value, an empty one and a list too (axe: label).
    const radios = await screen.findAllByRole('radio');
    expect(screen.getAllByRole('radio', { name: /\S/ })).toHaveLength(radios.length);
    expect(screen.getByRole('radio', { name: 'Role Designer' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Role —' })).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Merge into Sam Okafor' }));
    await waitFor(() => expect(merge).toHaveBeenCalled());
    await waitFor(() => expect(formDrafts.load(personDraftSlot('detail', 'samuel'), undefined, Text)).toBeUndefined());
    expect(loadLogDraft(draftKey(['samuel'], ''))).toBeUndefined();
    expect(formDrafts.load(personDraftSlot('detail', 'sam'), undefined, Text)).toEqual({ text: 'about Sam' });
  });
});

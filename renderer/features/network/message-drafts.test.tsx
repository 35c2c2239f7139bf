import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Interaction } from '../../../shared/domain/interaction.ts';
import type { AnnouncementDraftView, IntroSuggestionView } from '../../../shared/ipc/channels/network.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { formDrafts } from '../../ui/drafts/draft-store.ts';
import { picksFrom } from '../../test-support/people-picks.ts';
import { announcementSlot } from './announcement-drafts.ts';
import { EMPTY_FORM } from './announcement-form.ts';
import { AnnouncementComposer } from './AnnouncementComposer.tsx';
import { AskDialog } from './AskDialog.tsx';
import { IntroCard } from './IntroCard.tsx';

const SAM = 'c0ffee00-0000-4000-8000-000000000001';
const ANA = 'c0ffee00-0000-4000-8000-000000000002';
const logged: Interaction = {
  id: 'i1',
  type: 'email',
  date: '2026-03-18',
  contactIds: [SAM],
  gave: [],
  asked: [],
  mutual: false,
  createdAt: '2026-03-18T10:00:00.000Z',
  updatedAt: '2026-03-18T10:00:00.000Z',
};
const message = (to: string) => screen.getByLabelText(`Message to ${to}`) as HTMLTextAreaElement;

describe('Announce your news: the drafted messages', () => {
  const drafts: AnnouncementDraftView[] = [
    { person: { id: SAM, displayName: 'Sam Okafor' }, subject: 'News', body: 'Hi Sam', opening: 'ask' },
    { person: { id: ANA, displayName: 'Ana Costa' }, subject: 'News', body: 'Hi Ana', opening: 'ask' },
  ];
  const requests = {
    'network.announcementDrafts': () => drafts,
    'network.markSent': vi.fn(() => logged),
  };

  it('keeps them and the edits across leaving the screen, until all are sent', async () => {
    renderInApp(<AnnouncementComposer />, { requests });
    await userEvent.click(screen.getByRole('button', { name: 'Draft messages' }));
    await userEvent.type(await screen.findByLabelText('Message to Sam Okafor'), ', big news');
    cleanup(); // another screen

    renderInApp(<AnnouncementComposer />, { requests });
    expect(screen.getByText(/Restored what you typed before/)).toBeTruthy();
    expect(message('Sam Okafor').value).toBe('Hi Sam, big news');
    expect(message('Ana Costa').value).toBe('Hi Ana');

    await userEvent.click(screen.getByRole('button', { name: 'Mark sent to Sam Okafor' }));
    await screen.findByText('Sent');
    cleanup();
    renderInApp(<AnnouncementComposer />, { requests });
    expect(message('Sam Okafor').value).toBe('Hi Sam, big news');
    await userEvent.click(screen.getByRole('button', { name: 'Mark sent to Ana Costa' }));
    await waitFor(() => expect(screen.getAllByText('Sent')).toHaveLength(2));
    cleanup();
    renderInApp(<AnnouncementComposer />, { requests });
    expect(screen.queryByLabelText('Message to Sam Okafor')).toBeNull();
  });

  it('forgets them on Start over', async () => {
    renderInApp(<AnnouncementComposer />, { requests });
    await userEvent.click(screen.getByRole('button', { name: 'Draft messages' }));
    await screen.findByLabelText('Message to Sam Okafor');
    cleanup();
    renderInApp(<AnnouncementComposer />, { requests });
    await userEvent.click(screen.getByRole('button', { name: 'Start over' }));
    expect(screen.queryByLabelText('Message to Sam Okafor')).toBeNull();
    expect(window.localStorage.getItem('rapport.form-drafts')).toBeNull();
  });
});

describe('Announce your news: drafting again and removing a recipient', () => {
  const drafted = (signature: string): AnnouncementDraftView[] => [
    { person: { id: SAM, displayName: 'Sam Okafor' }, subject: 'News', body: `Hi Sam${signature}`, opening: 'ask' },
    { person: { id: ANA, displayName: 'Ana Costa' }, subject: 'News', body: `Hi Ana${signature}`, opening: 'ask' },
  ];

  it('leaves a message the user edited as it is, fills the others afresh, and says so', async () => {
    let signature = '';
    renderInApp(<AnnouncementComposer />, { requests: { 'network.announcementDrafts': () => drafted(signature) } });
    await userEvent.click(screen.getByRole('button', { name: 'Draft messages' }));
    await userEvent.type(await screen.findByLabelText('Message to Sam Okafor'), ', you heard it first');
    signature = '\n\nSam';
    await userEvent.type(screen.getByLabelText('Sign as'), 'Sam');
    await userEvent.click(screen.getByRole('button', { name: 'Draft messages' }));
    await waitFor(() => expect(message('Ana Costa').value).toBe('Hi Ana\n\nSam'));
    expect(message('Sam Okafor').value).toBe('Hi Sam, you heard it first');
    // Said with the drafts' heading, where focus goes.
    const heading = screen.getByRole('heading', { name: /^Drafts/ });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const note = document.getElementById(heading.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toBe('Kept your changes to the message to Sam Okafor.');
    cleanup();
    // And so does what is kept for the next visit.
    renderInApp(<AnnouncementComposer />, { requests: { 'network.announcementDrafts': () => drafted(signature) } });
    expect(message('Sam Okafor').value).toBe('Hi Sam, you heard it first');
  });

  it('takes away the message to a person removed from who to', async () => {
    formDrafts.save(announcementSlot('{}'), EMPTY_FORM, { ...EMPTY_FORM, contactIds: [SAM, ANA] });
    const people = [
      { id: SAM, displayName: 'Sam Okafor' },
      { id: ANA, displayName: 'Ana Costa' },
    ];
    renderInApp(<AnnouncementComposer />, {
      requests: { ...picksFrom(people), 'network.announcementDrafts': () => drafted('') },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Draft messages' }));
    await userEvent.type(await screen.findByLabelText('Message to Ana Costa'), ', and a secret');
    await userEvent.click(screen.getByRole('button', { name: 'Remove Ana Costa' }));
    expect(screen.queryByLabelText('Message to Ana Costa')).toBeNull();
    expect(message('Sam Okafor').value).toBe('Hi Sam');
    expect(window.localStorage.getItem('rapport.form-drafts')).not.toContain('and a secret');

    // What the user wrote to her comes back with Undo.
    const notifications = screen.getByRole('region', { name: /Notifications/ });
    const removed = (await within(notifications).findByText('Removed Ana Costa and your message to them')).closest(
      'li',
    )!;
    await userEvent.click(within(removed).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByLabelText('Message to Ana Costa')).toHaveProperty('value', 'Hi Ana, and a secret');
    expect(screen.getByRole('button', { name: 'Remove Ana Costa' })).toBeTruthy();
  });
});

function AskHarness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Ask
      </button>
      <AskDialog contactId={SAM} name="Sam Okafor" open={open} onClose={() => setOpen(false)} />
    </>
  );
}

describe('Ask for something', () => {
  const template = 'Hi Sam,\n\nCould you help with [what you need, in a sentence]?';
  const requests = {
    'network.askCheck': () => ({
      guard: { show: false as const },
      reconnect: { subject: 'Hello', body: 'Hi Sam' },
      ask: { subject: 'A quick question', body: template },
    }),
    'network.markSent': vi.fn(() => logged),
  };

  it('brings back the edited message after Escape', async () => {
    renderInApp(<AskHarness />, { requests });
    await userEvent.click(screen.getByRole('button', { name: 'Ask' }));
    const text = await screen.findByLabelText('Message to Sam Okafor');
    await userEvent.clear(text);
    await userEvent.type(text, 'Hi Sam, could you look at my CV?');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await userEvent.click(screen.getByRole('button', { name: 'Ask' }));
    expect(((await screen.findByLabelText('Message to Sam Okafor')) as HTMLTextAreaElement).value).toBe(
      'Hi Sam, could you look at my CV?',
    );
    expect(screen.getByText(/Restored what you typed before/)).toBeTruthy();
  });

  it('refuses Mark sent while a placeholder is unfilled, keeping focus in the dialog', async () => {
    renderInApp(<AskHarness />, { requests });
    await userEvent.click(screen.getByRole('button', { name: 'Ask' }));
    const text = await screen.findByLabelText('Message to Sam Okafor');
    await userEvent.click(screen.getByRole('button', { name: 'Mark sent to Sam Okafor' }));
    expect(screen.getByRole('alert').textContent).toContain('Fill in [what you need, in a sentence]');
    expect(requests['network.markSent']).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(text);

    await userEvent.clear(text);
    await userEvent.type(text, 'Could you look at my CV?');
    const markSent = screen.getByRole('button', { name: 'Mark sent to Sam Okafor' });
    await userEvent.click(markSent);
    await screen.findByText('Sent');
    expect(requests['network.markSent']).toHaveBeenCalled();
    expect(screen.getByRole('dialog').contains(document.activeElement)).toBe(true);
    // Sent: no longer a draft to bring back.
    expect(window.localStorage.getItem('rapport.form-drafts')).toBeNull();
  });
});

describe('Introductions: the opt-in messages', () => {
  const intro: IntroSuggestionView = {
    seeker: { id: SAM, displayName: 'Sam Okafor', lookingFor: 'a Rust mentor' },
    helper: { id: ANA, displayName: 'Ana Costa', canHelpWith: 'mentoring' },
    shared: ['rust'],
    score: 2,
    drafts: [
      { subject: 'An introduction?', body: 'Hi Sam' },
      { subject: 'An introduction?', body: 'Hi Ana' },
    ],
  };

  it('brings back the edits after Escape', async () => {
    renderInApp(
      <ul>
        <IntroCard intro={intro} />
      </ul>,
    );
    const open = screen.getByRole('button', { name: /Draft opt-in messages/ });
    await userEvent.click(open);
    await userEvent.type(await screen.findByLabelText('Message to Ana Costa'), ', would you meet Sam?');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await userEvent.click(open);
    expect(message('Ana Costa').value).toBe('Hi Ana, would you meet Sam?');
    expect(message('Sam Okafor').value).toBe('Hi Sam');
  });
});

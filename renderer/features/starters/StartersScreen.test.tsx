import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { retiredStarterIds as retiredStarterIdsOf, libraryStarters } from '../../../shared/content/library.ts';
import type { RequestInput } from '../../../shared/ipc/contract.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { StartersScreen } from './StartersScreen.tsx';

const retiredStarterIds = retiredStarterIdsOf();
const starters = libraryStarters();

const example = starters.find((s) => s.kind === 'example')!;
const withDetail = starters.find((s) => s.kind === 'suggestible' && s.text.includes('[detail]'))!;
const [retired, replacement] = Object.entries(retiredStarterIds).find(([, to]) => to !== null)!;
const byId = (id: string) => starters.find((s) => s.id === id)!;

function renderStarters(favourites: string[] = []) {
  const saved: RequestInput<'starters.saveOwn'>[] = [];
  const deleted: string[] = [];
  renderInApp(<StartersScreen />, {
    subscriptions: { 'starters.watchMine': (_input, push) => push({ own: [], favourites }) },
    requests: {
      'starters.saveOwn': (input) => {
        saved.push(input);
        const stamp = '2026-03-18T09:00:00.000Z';
        return { ...input.fields, id: 'own-1', createdAt: stamp, updatedAt: stamp };
      },
      'starters.deleteOwn': ({ id }) => {
        deleted.push(id);
        return { deleted: true };
      },
    },
  });
  return { saved, deleted };
}

/**
 * The list item of a starter, found by pasting its text into the search. Pasted, not typed: the
 * first letters typed match nearly all 386 lines, and rendering those twice took 3-7 s of a test's
 * 5 on a loaded machine.
 */
async function rowOf(text: string) {
  await userEvent.click(screen.getByRole('searchbox', { name: 'Search starters' }));
  await userEvent.paste(text.slice(0, 40));
  const item = (await screen.findAllByRole('listitem')).find((li) => li.textContent?.includes(text));
  if (!item) throw new Error(`No row shows “${text}”`);
  return item;
}

describe('the starter library', () => {
  it('marks an example line as one to make your own, and says why', async () => {
    renderStarters();
    const row = await rowOf(example.text);
    expect(within(row).getByText('Example: make it yours')).toBeTruthy();
    const makeYours = within(row).getByRole('button', { name: /Make it yours/ });
    expect(makeYours.getAttribute('aria-describedby')?.split(' ')).toHaveLength(2);
    expect(row.textContent).toContain('may not be true for you');
  });

  it('“Make it yours” opens the form with the line, and saves it as a new starter of your own (Undo deletes it)', async () => {
    const { saved, deleted } = renderStarters();
    const row = await rowOf(example.text);
    await userEvent.click(within(row).getByRole('button', { name: /Make it yours/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Make it yours' });
    const text = within(dialog).getByLabelText('Your starter');
    expect(text).toHaveProperty('value', example.text);
    expect(document.getElementById(text.getAttribute('aria-describedby')!)?.textContent).toContain(
      '[name], [detail], [event] or [how long]',
    );
    await userEvent.clear(text);
    await userEvent.type(text, 'I only know one person here. Mind if I join you?');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({
      fields: {
        text: 'I only know one person here. Mind if I join you?',
        situation: example.situation,
        channel: example.channel,
        tone: example.tone,
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(deleted).toEqual(['own-1']));
  });

  it('keeps keyboard focus on a star when a favourite leaves the "Favourites only" list', async () => {
    const [first, second] = starters.filter((s) => s.situation === starters[0]!.situation);
    let favourites = [first!.id, second!.id];
    let push: (mine: { own: []; favourites: string[] }) => void = () => {};
    renderInApp(<StartersScreen />, {
      subscriptions: {
        'starters.watchMine': (_input, send) => {
          push = send;
          send({ own: [], favourites });
        },
      },
      requests: {
        'starters.toggleFavourite': ({ starterId, favourite }) => {
          favourites = favourite ? [...favourites, starterId] : favourites.filter((f) => f !== starterId);
          setTimeout(() => push({ own: [], favourites }));
          return { favourites };
        },
      },
    });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Favourites only' }));
    const rowOfFirst = (await screen.findAllByRole('listitem')).find((li) => li.textContent?.includes(first!.text))!;
    within(rowOfFirst)
      .getByRole('button', { name: /Favourite/ })
      .focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByText(first!.text)).toBeNull());
    const rowOfSecond = (await screen.findAllByRole('listitem')).find((li) => li.textContent?.includes(second!.text))!;
    expect(document.activeElement).toBe(within(rowOfSecond).getByRole('button', { name: /Favourite/ }));
  });

  it('shows a favourite kept under a retired id on the line that replaced it', async () => {
    renderStarters([retired]);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Favourites only' }));
    const row = await rowOf(byId(replacement!).text);
    expect(
      within(row)
        .getByRole('button', { name: /Favourite/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
  });

  it('asks for the detail before copying a line that needs one, and copies the finished line', async () => {
    renderStarters();
    const row = await rowOf(withDetail.text);
    await userEvent.click(within(row).getByRole('button', { name: 'Copy' }));
    const dialog = await screen.findByRole('dialog', { name: 'Fill in the gaps' });
    expect(within(dialog).queryByLabelText('Their first name')).toBeNull();
    await userEvent.type(within(dialog).getByLabelText('Something they mentioned'), 'his new puppy Biscuit');
    expect(within(dialog).getByLabelText('Preview').textContent).toContain('your new puppy Biscuit');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const copied = await navigator.clipboard.readText();
    expect(copied).toContain('your new puppy Biscuit');
    expect(copied).not.toMatch(/[[\]{}]/);
  });
});

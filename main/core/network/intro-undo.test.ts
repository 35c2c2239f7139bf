import { describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../testing/test-core.ts';

const person = (t: TestCore, displayName: string, more: Record<string, unknown> = {}) =>
  t.call('contacts.create', { displayName, ...more });

/** Ana looks for what Ben offers; Cy already works with Ana. */
async function anaAndBen() {
  const t = await openTestCore();
  const ana = await person(t, 'Ana Costa', { lookingFor: 'a Rust mentor' });
  const ben = await person(t, 'Ben Okafor', { canHelpWith: 'mentoring Rust developers' });
  const cy = await person(t, 'Cy');
  await t.call('network.relate', { fromId: ana.id, toId: cy.id, kind: 'works-with' });
  const timeline = async (contactId: string) =>
    (await t.call('timeline.page', { filter: { contactId }, offset: 0, limit: 10 })).entries.map((e) => e.id);
  const relationships = async (id: string) => (await t.call('contacts.get', { id })).relationships ?? [];
  return { t, ana, ben, cy, timeline, relationships };
}

describe('undoing a logged introduction', () => {
  it('removes its interaction and "you introduced them" on both, and suggests the pair again', async () => {
    const { t, ana, ben, cy, timeline, relationships } = await anaAndBen();
    const logged = await t.call('network.logIntro', { seekerId: ana.id, helperId: ben.id });
    expect(await timeline(ben.id)).toEqual([logged.id]);

    await t.call('network.undoIntro', { interactionId: logged.id });
    expect(await timeline(ana.id)).toEqual([]);
    expect(await timeline(ben.id)).toEqual([]);
    expect(await relationships(ana.id)).toEqual([{ contactId: cy.id, kind: 'works-with' }]);
    expect(await relationships(ben.id)).toEqual([]);
    for (const id of [ana.id, ben.id]) expect((await t.next('person.watch', { id })).reciprocity.gave).toBe(0);
    const suggested = await t.call('network.introSuggestions', {});
    expect(suggested.map((s) => [s.seeker.id, s.helper.id])).toEqual([[ana.id, ben.id]]);

    // Once undone there is nothing left to undo.
    await expect(t.call('network.undoIntro', { interactionId: logged.id })).rejects.toThrow(/no longer logged/);
  });

  it('keeps "you introduced them" while another logged introduction of the two remains', async () => {
    const { t, ana, ben, timeline, relationships } = await anaAndBen();
    const first = await t.call('network.logIntro', { seekerId: ana.id, helperId: ben.id, date: '2026-03-01' });
    const second = await t.call('network.logIntro', { seekerId: ben.id, helperId: ana.id });

    await t.call('network.undoIntro', { interactionId: second.id });
    expect(await timeline(ana.id)).toEqual([first.id]);
    expect((await relationships(ben.id)).map((r) => r.kind)).toEqual(['introduced-by-you']);

    await t.call('network.undoIntro', { interactionId: first.id });
    expect(await relationships(ben.id)).toEqual([]);
  });

  it('refuses an interaction that is not an introduction, and leaves it', async () => {
    const { t, ana, ben, timeline } = await anaAndBen();
    const coffee = await t.call('interactions.log', {
      interaction: { type: 'coffee', date: '2026-03-10', contactIds: [ana.id, ben.id] },
    });
    await expect(t.call('network.undoIntro', { interactionId: coffee.id })).rejects.toThrow(/not an introduction/);
    expect(await timeline(ana.id)).toEqual([coffee.id]);
  });
});

import { describe, expect, it } from 'vitest';
import { inArea } from '../area.ts';
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

/** Logs an introduction and returns what its Undo sends back. */
async function logIntro(t: TestCore, seekerId: string, helperId: string, date?: string) {
  const { interaction } = await t.call('network.logIntro', {
    seekerId,
    helperId,
    ...(date ? { date } : {}),
  });
  return {
    id: interaction.id,
    undo: () => t.call('network.undoIntro', { interactionId: interaction.id }),
  };
}

describe('undoing a logged introduction', () => {
  it('removes its interaction and "you introduced them" on both, and suggests the pair again', async () => {
    const { t, ana, ben, cy, timeline, relationships } = await anaAndBen();
    const logged = await logIntro(t, ana.id, ben.id);
    expect(await timeline(ben.id)).toEqual([logged.id]);

    await logged.undo();
    expect(await timeline(ana.id)).toEqual([]);
    expect(await timeline(ben.id)).toEqual([]);
    expect(await relationships(ana.id)).toEqual([{ contactId: cy.id, kind: 'works-with' }]);
    expect(await relationships(ben.id)).toEqual([]);
    for (const id of [ana.id, ben.id]) expect((await t.next('person.watch', { id })).reciprocity.gave).toBe(0);
    const suggested = await t.call('network.introSuggestions', {});
    expect(suggested.map((s) => [s.seeker.id, s.helper.id])).toEqual([[ana.id, ben.id]]);

    // Once undone there is nothing left to undo.
    await expect(logged.undo()).rejects.toThrow(/no longer logged/);
  });

  it('keeps "you introduced them" while another logged introduction of the two remains', async () => {
    const { t, ana, ben, timeline, relationships } = await anaAndBen();
    const first = await logIntro(t, ana.id, ben.id, '2026-03-01');
    const second = await logIntro(t, ben.id, ana.id);

    await second.undo();
    expect(await timeline(ana.id)).toEqual([first.id]);
    expect(await relationships(ben.id)).toEqual([
      { contactId: ana.id, kind: 'introduced-by-you', since: '2026-03-01', introId: first.id },
    ]);

    await first.undo();
    expect(await relationships(ben.id)).toEqual([]);
  });

  it('takes "you introduced them" away when the last of two logs goes, whichever order they are undone in', async () => {
    const { t, ana, ben, cy, relationships } = await anaAndBen();
    const first = await logIntro(t, ana.id, ben.id, '2026-03-01');
    const second = await logIntro(t, ben.id, ana.id, '2026-03-05');

    // The first log recorded it: undoing it while the second remains hands it to the second, from its day.
    await first.undo();
    for (const [id, other] of [
      [ana.id, ben.id],
      [ben.id, ana.id],
    ] as const)
      expect(await relationships(id)).toContainEqual({
        contactId: other,
        kind: 'introduced-by-you',
        since: '2026-03-05',
        introId: second.id,
      });

    await second.undo();
    expect(await relationships(ana.id)).toEqual([{ contactId: cy.id, kind: 'works-with' }]);
    expect(await relationships(ben.id)).toEqual([]);
  });

  it('leaves "you introduced them" that was there before the introduction, as it was', async () => {
    const { t, ana, ben, relationships } = await anaAndBen();
    // An earlier introduction whose interaction was deleted since: its relationship stays.
    const earlier = await logIntro(t, ana.id, ben.id, '2020-05-01');
    await t.call('interactions.delete', { id: earlier.id });
    const before = await relationships(ben.id);
    expect(before).toEqual([
      { contactId: ana.id, kind: 'introduced-by-you', since: '2020-05-01', introId: earlier.id },
    ]);

    const again = await logIntro(t, ana.id, ben.id);
    expect(await relationships(ben.id)).toEqual(before);
    await again.undo();
    expect(await relationships(ben.id)).toEqual(before);
  });

  it('makes a half-present "you introduced them" whole, and its undo leaves both halves', async () => {
    const { t, ana, ben, relationships } = await anaAndBen();
    // Only Ben's half, as a sync of an older version might bring it.
    await inArea('replication', async () => {
      const doc = (await t.core.db.contacts.findOne(ben.id).exec())!.toMutableJSON();
      await t.core.db.contacts.upsert({
        ...doc,
        relationships: [{ contactId: ana.id, kind: 'introduced-by-you', since: '2021-01-01' }],
      });
    });
    const logged = await logIntro(t, ana.id, ben.id);
    const whole = [
      [ana.id, ben.id],
      [ben.id, ana.id],
    ] as const;
    for (const [id, other] of whole)
      expect(await relationships(id)).toContainEqual({
        contactId: other,
        kind: 'introduced-by-you',
        since: '2021-01-01',
      });
    await logged.undo();
    for (const [id, other] of whole)
      expect(await relationships(id)).toContainEqual({
        contactId: other,
        kind: 'introduced-by-you',
        since: '2021-01-01',
      });
  });

  it('gives two long names a title the timeline can still show', async () => {
    const { t } = await anaAndBen();
    const long = (name: string) => t.call('contacts.create', { displayName: name.repeat(190) });
    const [a, b] = [await long('A'), await long('B')];
    const { interaction } = await t.call('network.logIntro', { seekerId: a.id, helperId: b.id });
    expect(interaction.title).toHaveLength(200);
    expect(interaction.title!.endsWith('…')).toBe(true);
    const page = await t.call('timeline.page', { filter: {}, offset: 0, limit: 10 });
    expect(page.entries.map((e) => e.id)).toContain(interaction.id);
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

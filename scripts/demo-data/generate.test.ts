import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ContactFields } from '../../shared/domain/contact.ts';
import { DetailFields } from '../../shared/domain/detail.ts';
import { InteractionFields } from '../../shared/domain/interaction.ts';
import { generateDemoContacts, generateDemoData, generateDemoInteractions, type DemoData } from './generate.ts';
import { ALL_FAMILY_NAMES, ALL_GIVEN_NAMES, FAMOUS_PAIRINGS } from './names.ts';

const TODAY = '2026-11-25';
const hash = (data: DemoData) => createHash('sha256').update(JSON.stringify(data)).digest('hex');

const small = generateDemoData({ contacts: 2_000, interactions: 20_000, today: TODAY });
const large = generateDemoData({ contacts: 10_000, interactions: 60_000, today: TODAY, seed: 7 });

describe('generateDemoData', () => {
  it('is deterministic: same options give the same output, another seed a different one', () => {
    const again = generateDemoData({ contacts: 2_000, interactions: 20_000, today: TODAY, seed: 1 });
    expect(hash(again)).toBe(hash(small));
    expect(hash(generateDemoData({ contacts: 2_000, interactions: 20_000, today: TODAY, seed: 2 }))).not.toBe(
      hash(small),
    );
  });

  it('produces exactly the requested counts, about one detail per ten interactions', () => {
    expect(small.contacts).toHaveLength(2_000);
    expect(small.interactions).toHaveLength(20_000);
    expect(large.contacts).toHaveLength(10_000);
    expect(large.interactions).toHaveLength(60_000);
    expect(large.details.length / large.interactions.length).toBeGreaterThan(0.07);
    expect(large.details.length / large.interactions.length).toBeLessThan(0.13);
  });

  it('gives unique, deterministic ids', () => {
    for (const items of [large.contacts, large.interactions, large.details])
      expect(new Set(items.map((x) => x.id)).size).toBe(items.length);
    expect(large.contacts[122]?.id).toBe('demo-c-000123');
    expect(large.interactions[455]?.id).toBe('demo-i-0000456');
    expect(large.details[11]?.id).toBe('demo-d-000012');
  });

  it('keeps references intact', () => {
    for (const data of [small, large]) {
      const contactIds = new Set(data.contacts.map((c) => c.id));
      const interactions = new Map(data.interactions.map((i) => [i.id, i]));
      const broken: string[] = [];
      for (const interaction of data.interactions) {
        if (new Set(interaction.contactIds).size !== interaction.contactIds.length)
          broken.push(`${interaction.id} repeats a person`);
        for (const id of interaction.contactIds) if (!contactIds.has(id)) broken.push(`${interaction.id} → ${id}`);
      }
      for (const detail of data.details) {
        if (!contactIds.has(detail.contactId)) broken.push(`${detail.id} → ${detail.contactId}`);
        if (detail.interactionId && !interactions.get(detail.interactionId)?.contactIds.includes(detail.contactId))
          broken.push(`${detail.id} → ${detail.interactionId}`);
      }
      expect(broken).toEqual([]);
    }
  });

  it('passes the domain schemas: every item of the 2k/20k run, a sample of the 10k/60k run', () => {
    for (const contact of small.contacts) ContactFields.parse(contact);
    for (const interaction of small.interactions) InteractionFields.parse(interaction);
    for (const detail of small.details) DetailFields.parse(detail);
    for (let i = 0; i < large.contacts.length; i += 37) ContactFields.parse(large.contacts[i]);
    for (let i = 0; i < large.interactions.length; i += 401) InteractionFields.parse(large.interactions[i]);
    for (let i = 0; i < large.details.length; i += 41) DetailFields.parse(large.details[i]);
  });

  it('never dates anything after today or before a person was added; only follow-ups may be ahead', () => {
    const added = new Map(large.contacts.map((c) => [c.id, c.addedOn]));
    const wrong: string[] = [];
    for (const contact of large.contacts) if (contact.addedOn > TODAY) wrong.push(contact.id);
    let previous = '';
    for (const interaction of large.interactions) {
      if (interaction.date > TODAY || interaction.date < previous) wrong.push(interaction.id);
      previous = interaction.date;
      for (const id of interaction.contactIds)
        if (interaction.date < (added.get(id) as string)) wrong.push(`${interaction.id} before ${id} was added`);
    }
    for (const detail of large.details) {
      if (detail.learnedOn > TODAY) wrong.push(detail.id);
      if (detail.resolvedOn && (detail.resolvedOn < detail.learnedOn || detail.resolvedOn > TODAY))
        wrong.push(`${detail.id} resolvedOn`);
      if (detail.followUpOn && detail.followUpOn <= detail.learnedOn) wrong.push(`${detail.id} followUpOn`);
      if ((detail.status === 'resolved') !== (detail.resolvedOn !== undefined)) wrong.push(`${detail.id} status`);
    }
    expect(wrong).toEqual([]);
    expect(large.interactions[0]?.date.slice(0, 4)).toBe('2023');
    expect(large.details.some((d) => d.followUpOn !== undefined && d.followUpOn > TODAY)).toBe(true);
  });

  it('concentrates interactions on a few people, with a long tail', () => {
    for (const data of [small, large]) {
      const perPerson = new Map<string, number>();
      for (const interaction of data.interactions)
        for (const id of interaction.contactIds) perPerson.set(id, (perPerson.get(id) ?? 0) + 1);
      const counts = data.contacts.map((c) => perPerson.get(c.id) ?? 0).sort((a, b) => b - a);
      const total = counts.reduce((a, b) => a + b, 0);
      const top = counts.slice(0, Math.ceil(counts.length * 0.05)).reduce((a, b) => a + b, 0);
      expect(top / total).toBeGreaterThan(0.25);
      expect(counts[Math.floor(counts.length / 2)]).toBeLessThan(total / counts.length); // median below mean
    }
  });

  it('has realistic mixes of types, groups, times, reciprocity and details', () => {
    const n = large.interactions.length;
    const share = (keep: (i: DemoData['interactions'][number]) => boolean) =>
      large.interactions.filter(keep).length / n;
    expect(share((i) => i.time !== undefined)).toBeCloseTo(0.3, 1);
    expect(share((i) => i.contactIds.length > 1)).toBeGreaterThan(0.05);
    expect(share((i) => i.contactIds.length > 4)).toBe(0);
    expect(share((i) => (i.gave?.length ?? 0) > 0)).toBeCloseTo(0.3, 1);
    expect(share((i) => i.mutual === true)).toBeCloseTo(0.1, 1);
    expect(share((i) => i.type === 'message')).toBeGreaterThan(share((i) => i.type === 'conference'));
    const details = large.details;
    const bySensitivity = (s: string) => details.filter((d) => d.sensitivity === s).length / details.length;
    expect(bySensitivity('normal')).toBeGreaterThan(0.75);
    expect(bySensitivity('sensitive')).toBeGreaterThan(0.01);
    expect(bySensitivity('sensitive')).toBeLessThan(0.1);
    expect(details.filter((d) => d.status === 'open').length / details.length).toBeGreaterThan(0.5);
    expect(details.some((d) => d.interactionId === undefined)).toBe(true);
  });

  it('fills every template placeholder', () => {
    const texts = [
      ...large.interactions.flatMap((i) => [i.title ?? '', i.notes ?? '']),
      ...large.details.map((d) => d.text),
      ...large.contacts.flatMap((c) => [c.howWeMet ?? '', c.lookingFor ?? '', c.canHelpWith ?? '']),
    ];
    expect(texts.filter((t) => /[{}]|undefined/.test(t))).toEqual([]);
  });
});

describe('demo contacts', () => {
  const contacts = large.contacts;

  it('has mostly distinct display names and none belonging to famous people', () => {
    expect(new Set(contacts.map((c) => c.displayName)).size / contacts.length).toBeGreaterThanOrEqual(0.95);
    expect(contacts.filter((c) => FAMOUS_PAIRINGS.has(c.displayName))).toEqual([]);
    expect(ALL_GIVEN_NAMES.length).toBeGreaterThanOrEqual(150);
    expect(ALL_FAMILY_NAMES.length).toBeGreaterThanOrEqual(150);
  });

  it('uses only reserved example domains and fictional phone ranges', () => {
    const emails = contacts.flatMap((c) => (c.emails ?? []).map((e) => e.value));
    const hosts = contacts.flatMap((c) => (c.social ?? []).map((p) => new URL(p.url).hostname));
    const phones = contacts.flatMap((c) => (c.phones ?? []).map((p) => p.value));
    expect(emails.filter((e) => !/^[a-z0-9.]+@([a-z0-9-]+\.)*example\.(org|com|net)$/.test(e))).toEqual([]);
    expect(hosts.filter((h) => !/(^|\.)example\.(org|com|net)$/.test(h))).toEqual([]);
    const fictional =
      /^(\+44 7700 900\d{3}|\+44 (20 7946 0|1\d\d 49[68] 0|2[89] \d018 0|1632 960)\d{3}|\+1 \d{3}-555-01\d{2})$/;
    expect(phones.filter((p) => !fictional.test(p))).toEqual([]);
    expect(phones.length).toBeGreaterThan(contacts.length / 2);
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('mixes birthdays, tiers and archived people in the intended proportions', () => {
    const n = contacts.length;
    const withYear = contacts.filter((c) => c.birthday?.year !== undefined).length / n;
    const withoutYear = contacts.filter((c) => c.birthday && c.birthday.year === undefined).length / n;
    expect(withYear).toBeCloseTo(0.6, 1);
    expect(withoutYear).toBeCloseTo(0.2, 1);
    expect(
      contacts.some((c) => c.birthday?.month === 2 && c.birthday.day === 29 && c.birthday.year !== undefined),
    ).toBe(true);
    expect(
      contacts.some((c) => c.birthday?.month === 2 && c.birthday.day === 29 && c.birthday.year === undefined),
    ).toBe(true);
    expect(new Set(contacts.map((c) => c.tier))).toEqual(
      new Set(['close', 'regular', 'occasional', 'yearly', undefined]),
    );
    expect(contacts.filter((c) => c.archived).length / n).toBeCloseTo(0.03, 1);
    expect(new Set(contacts.map((c) => c.organisation)).size).toBeGreaterThan(80);
  });
});

describe('options', () => {
  it('rejects impossible options', () => {
    expect(() => generateDemoData({ contacts: 0, interactions: 5, today: TODAY })).toThrow(/at least one contact/);
    expect(() => generateDemoData({ contacts: 5, interactions: 5, today: '2026-02-30' })).toThrow(/not a real date/);
    expect(() => generateDemoData({ contacts: -1, interactions: 0, today: TODAY })).toThrow();
    expect(generateDemoData({ contacts: 0, interactions: 0, today: TODAY })).toEqual({
      contacts: [],
      interactions: [],
      details: [],
    });
  });

  it('handles a single contact and a leap-day today', () => {
    const data = generateDemoData({ contacts: 1, interactions: 50, today: '2028-02-29', seed: 3 });
    expect(data.interactions.every((i) => i.contactIds.length === 1 && i.date <= '2028-02-29')).toBe(true);
  });

  it('streams the same interactions as the one-shot generator', () => {
    const contacts = generateDemoContacts({ contacts: 300, today: TODAY, seed: 9 });
    const streamed = [...generateDemoInteractions(contacts, { interactions: 2_000, today: TODAY, seed: 9 })];
    const whole = generateDemoData({ contacts: 300, interactions: 2_000, today: TODAY, seed: 9 });
    expect(streamed.map((b) => b.interaction)).toEqual(whole.interactions);
    expect(streamed.flatMap((b) => b.details)).toEqual(whole.details);
  });
});

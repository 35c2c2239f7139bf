/** The backup, interchange and CLI tests' shorthand over the one core harness (../testing/test-core.ts). */
import type { Core } from '../core.ts';
import type { MovableClock } from '../testing/fakes.ts';
import { openTestCore, type TestCore } from '../testing/test-core.ts';

const harnesses = new Map<Core, TestCore>();

/** A core on a throwaway folder (or `dir`), its clock at 2026-03-01 09:00 UTC unless given. */
export async function openCore(options: { dir?: string; clock?: MovableClock } = {}): Promise<Core & { dir: string }> {
  const t = await openTestCore({ now: '2026-03-01T09:00:00Z', ...options });
  harnesses.set(t.core, t);
  return Object.assign(t.core, { dir: t.dir });
}

/** Closes a core early, keeping its folder (e.g. so the CLI can take it). */
export async function closeCore(core: Core): Promise<void> {
  await harnesses.get(core)?.close();
}

/** A few people with an interaction and a detail, through the real services. */
export async function seedPeople(core: Core): Promise<{ ada: string; grace: string }> {
  const ada = await core.call('contacts.create', {
    displayName: 'Ada Lovelace',
    emails: [{ value: 'ada@example.org' }],
    tags: ['maths'],
  });
  const grace = await core.call('contacts.create', {
    displayName: 'Grace Hopper',
    phones: [{ value: '+1 555 010 2000', label: 'work' }],
  });
  await core.call('interactions.log', {
    interaction: { type: 'coffee', date: '2026-02-20', contactIds: [ada.id, grace.id], notes: 'Compilers' },
    details: [{ text: 'New puppy called Biscuit', contactId: ada.id }],
  });
  await core.call('settings.setKeepInTouch', {
    tiers: {
      close: { idealDays: 10, maxDays: 20 },
      regular: { idealDays: 30, maxDays: 60 },
      occasional: { idealDays: 90, maxDays: 180 },
      yearly: { idealDays: 365, maxDays: 500 },
    },
  });
  return { ada: ada.id, grace: grace.id };
}

export { testDir as tempDir } from '../testing/test-core.ts';

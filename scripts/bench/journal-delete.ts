/**
 * What the write journal costs a delete: deleting one person (with a coffee and a detail of their
 * own and a coffee shared with a colleague) and deleting one interaction, taken in turns with the
 * journal's files written (as in the app) and not written (the baseline, journal-switch.ts), in
 * one process on one database.
 *   node scripts/bench/journal-delete.ts [--people 40]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { journalSwitch, printComparison } from './journal-switch.ts';

const { values } = parseArgs({ options: { people: { type: 'string', default: '40' } } });
const count = Number(values.people);

const { openCore } = await import('../../main/core/core.ts');
const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-delete-'));
const core = await openCore({ dataDir: dir, mode: 'desktop', version: 'bench' });
try {
  const people: string[] = [];
  const coffees: string[] = [];
  for (let i = 0; i < count; i++) {
    const person = await core.call('contacts.create', { displayName: `Person ${i}` });
    const colleague = await core.call('contacts.create', { displayName: `Colleague ${i}` });
    await core.call('interactions.log', {
      interaction: { type: 'coffee', date: '2026-02-10', contactIds: [person.id] },
      newPeople: [],
      details: [{ text: 'Moving to Leeds', contactId: person.id }],
    });
    await core.call('interactions.log', {
      interaction: { type: 'coffee', date: '2026-02-11', contactIds: [person.id, colleague.id] },
      newPeople: [],
      details: [],
    });
    const coffee = await core.call('interactions.log', {
      interaction: { type: 'call', date: '2026-02-12', contactIds: [colleague.id] },
      newPeople: [],
      details: [],
    });
    people.push(person.id);
    coffees.push(coffee.id);
  }

  const measure = async (noun: string, ids: string[], remove: (id: string) => Promise<unknown>) => {
    const times = { with: [] as number[], without: [] as number[] };
    for (const [i, id] of ids.entries()) {
      journalSwitch.off = i % 2 === 1;
      if (i === 2) journalSwitch.skippedCalls = 0;
      const started = performance.now();
      await remove(id);
      // The first two warm up.
      if (i >= 2) times[journalSwitch.off ? 'without' : 'with'].push(performance.now() - started);
    }
    journalSwitch.off = false;
    printComparison(noun, times);
  };
  await measure('deleting a person', people, (id) => core.call('contacts.delete', { ids: [id] }));
  await measure('deleting an interaction', coffees, (id) => core.call('interactions.delete', { id }));
} finally {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
}

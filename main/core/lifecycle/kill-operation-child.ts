/**
 * The child of the small-operation kill test (kill-operations.ts): opens a data folder, runs one
 * quick capture, interaction log or merge, and SIGKILLs itself at a chosen storage write of it.
 *   node kill-operation-child.ts <dataDir> <capture-new|capture-known|log|merge> <eventId> <kill: "before:N" | "after:N" | "never">
 * Prints the number of storage writes the operation made (with "never"), so the parent knows
 * every point to kill at.
 */
import type { RxStorageInstance } from 'rxdb';
import { fixedClock } from '../clock.ts';
import { openCore } from '../core.ts';

const [dataDir, operation, eventId, kill = 'never'] = process.argv.slice(2);
const [when, at] = kill.split(':');
const killAt = Number(at);

const core = await openCore({
  dataDir: dataDir!,
  mode: 'desktop',
  version: 'kill',
  clock: fixedClock('2026-03-02T09:00:00.000Z'),
});
let writes = 0;
let armed = false;
for (const collection of Object.values(core.db.collections)) {
  const instance = collection.storageInstance as RxStorageInstance<unknown, unknown, unknown, unknown>;
  const bulkWrite = instance.bulkWrite.bind(instance);
  instance.bulkWrite = async (rows, context) => {
    if (!armed) return bulkWrite(rows, context);
    writes++;
    if (when === 'before' && writes === killAt) process.kill(process.pid, 'SIGKILL');
    const result = await bulkWrite(rows, context);
    if (when === 'after' && writes === killAt) process.kill(process.pid, 'SIGKILL');
    return result;
  };
}

armed = true;
if (operation === 'log') {
  await core.call('interactions.log', {
    interaction: { type: 'coffee', date: '2026-03-02', contactIds: ['old-c1'], title: 'Coffee and a new face' },
    newPeople: ['Noor Haddad', 'Ivo Petrov'],
    details: [{ text: 'Training for a half marathon', sensitivity: 'normal', contactId: 'old-c1' }],
  });
} else if (operation === 'merge') {
  await core.call('contacts.merge', {
    primaryId: 'old-c5',
    secondaryId: 'old-c6',
    fields: {
      displayName: 'Person 5',
      emails: [{ value: 'p5@example.org' }, { value: 'p6@example.org' }],
      notes: 'The same person as Person 6',
    },
  });
} else {
  await core.call('events.capture', {
    eventId: eventId!,
    name: operation === 'capture-known' ? 'Person 2' : 'Samira Okafor',
    email: operation === 'capture-known' ? 'person2.new@example.org' : 'samira@example.org',
    detail: 'New puppy called Biscuit',
    followUp: 'coffee next week',
    ...(operation === 'capture-known' ? { contactId: 'old-c2' } : {}),
  });
}
armed = false;
// Derived data follows the source writes; its writes count as points to kill at too.
await core.projection.flush();
console.log(JSON.stringify({ writes }));
await core.close();

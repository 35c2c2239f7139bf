/**
 * One run of a small operation for the kill test (kill-operations.ts): opens a data folder, runs one
 * quick capture, interaction log, merge, delete of people, undo, introduction (or its undo) or
 * deletes of one document, and
 * with a kill point ("before:N" or "after:N") SIGKILLs its own process at that storage write, or
 * with "done" once it has finished, before the projector has written its checkpoint. The
 * child process (kill-operation-child.ts) runs it with a kill point; the test runs it uninterrupted
 * ("never") in its own process, where it counts the writes (every point to kill at) and, for
 * several operations in a row, notes the data between them.
 */
import type { RxStorageInstance } from 'rxdb';
import { snapshot } from '../backup/archive.ts';
import { fixedClock } from '../clock.ts';
import { openCore } from '../core.ts';
import { canonical } from './kill-harness.ts';
import type { SmallOperation } from './kill-operations.ts';
import type { RequestInput } from '../../../shared/ipc/contract.ts';

/** A coffee with Person 1 and two new people, and a detail: the log operation, and what undo-log takes back. */
export const LOGGED: RequestInput<'interactions.log'> = {
  interaction: { type: 'coffee', date: '2026-03-02', contactIds: ['old-c1'], title: 'Coffee and a new face' },
  newPeople: ['Noor Haddad', 'Ivo Petrov'],
  details: [{ text: 'Training for a half marathon', sensitivity: 'normal', contactId: 'old-c1' }],
};

/** Persons 1 and 2 introduced by the user: log-intro logs it, undo-intro finds it logged and takes it back. */
export const INTRODUCTION = { seekerId: 'old-c1', helperId: 'old-c2', type: 'email', date: '2026-03-01' } as const;

export async function runSmallOperation(
  dataDir: string,
  operation: SmallOperation,
  eventId: string,
  kill: string,
): Promise<{ writes: number; between: string[] }> {
  const [when, at] = kill.split(':');
  const killAt = Number(at);
  const core = await openCore({
    dataDir,
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

  const between: string[] = [];
  armed = true;
  if (operation === 'delete-people') {
    await core.call('contacts.delete', { ids: ['old-c6', 'old-c7'] });
  } else if (operation === 'undo') {
    const [entry] = await core.db.trash.find().exec();
    await core.call('undo.apply', { token: entry!.id });
  } else if (operation === 'one-by-one') {
    const ladder = await core.db.practice_ladders.findOne().exec();
    const session = await core.db.practice_sessions.findOne().exec();
    const starter = await core.db.user_starters.findOne().exec();
    // Small journalled operations in a row: a rhythm set on two people (a copy kept for Undo, then
    // the change) and the one-document deletes (a starred starter: the entry, the removal, the star).
    const deletes = [
      () => core.call('contacts.setTier', { ids: ['old-c1', 'old-c2'], tier: 'close' }),
      () => core.call('interactions.delete', { id: 'old-i3' }),
      () => core.call('events.delete', { id: eventId }),
      () => core.call('practice.deleteLadder', { id: ladder!.id }),
      () => core.call('practice.deleteSession', { id: session!.id }),
      () => core.call('starters.deleteOwn', { id: starter!.id }),
    ];
    for (const [i, remove] of deletes.entries()) {
      await remove();
      await core.projection.flush();
      // The data after each but the last, as the parent's reading of the folder shows it.
      if (kill === 'never' && i < deletes.length - 1) {
        between.push(JSON.stringify(canonical(await snapshot(core.db), { stamps: true })));
      }
    }
  } else if (operation === 'relate') {
    await core.call('network.relate', { fromId: 'old-c3', toId: 'old-c4', kind: 'works-with' });
  } else if (operation === 'retag') {
    await core.call('contacts.retag', { ids: ['old-c1', 'old-c2', 'old-c3'], add: ['mentor'] });
  } else if (operation === 'finish-practice') {
    const session = await core.db.practice_sessions.findOne().exec();
    await core.call('practice.finishSession', {
      id: session!.id,
      after: {
        sudsPeak: 6,
        sudsEnd: 2,
        stayed: 'until-done',
        outcome: 'They smiled and asked where I work',
        predictionHappened: false,
        beliefAfter: 20,
        contactId: 'old-c1',
      },
    });
  } else if (operation === 'done') {
    await core.call('reminders.done', { personId: 'old-c1' });
  } else if (operation === 'undo-done') {
    const logged = (await core.db.interactions.find().exec()).find((i) => i.type === 'message');
    const snoozed = { kind: 'hold', personId: 'old-c1', before: { snoozedUntil: '2026-03-08' } } as const;
    await core.call('reminders.undoDone', { interactionId: logged!.id, changes: [snoozed] });
  } else if (operation === 'log-intro') {
    await core.call('network.logIntro', INTRODUCTION);
  } else if (operation === 'undo-intro') {
    const intro = (await core.db.interactions.find().exec()).find((i) => i.gave.includes('intro'));
    await core.call('network.undoIntro', { interactionId: intro!.id });
  } else if (operation === 'log') {
    await core.call('interactions.log', LOGGED);
  } else if (operation === 'undo-log') {
    const logged = (await core.db.interactions.find().exec()).find((i) => i.title === LOGGED.interaction.title)!;
    await core.call('interactions.undoLog', {
      id: logged.id,
      newPeople: logged.contactIds.filter((id) => id !== 'old-c1'),
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
      eventId: eventId,
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
  // Finished, derived data written, the projector's checkpoint not yet (projection/state.ts).
  if (kill === 'done') process.kill(process.pid, 'SIGKILL');
  await core.close();
  return { writes, between };
}

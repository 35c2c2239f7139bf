/** Synthetic people and interactions for bench:sync, shaped like the app's documents. */
import { rng } from '../../main/core/storage/test-helpers.ts';
import { interactionSortKey } from '../../main/core/interactions/sort-key.ts';
import type { SyncedInteraction, SyncedPerson } from '../../main/core/sync/test-device.ts';

const given = ['Ada', 'Sam', 'Noor', 'Kenji', 'Mia', 'Olu', 'Ines', 'Tomás', 'Priya', 'Lea'];
const family = ['Lee', 'Okafor', 'García', 'Müller', 'Nakamura', 'Haddad', 'Novak', 'Smith', '李', 'Ngọc'];
const types = ['coffee', 'call', 'video-call', 'email', 'message', 'meet-up'] as const;
const at = '2026-03-01T09:00:00.000Z';

export function makePeople(count: number, seed = 7): SyncedPerson[] {
  const random = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const displayName = `${given[i % 10]} ${family[Math.floor(random() * 10)]} ${i}`;
    return {
      id: `p${String(i).padStart(6, '0')}-${Math.floor(random() * 1e9).toString(36)}`,
      displayName,
      emails: [{ value: `person${i}@example.org`, label: 'work' }],
      phones: [{ value: `+44 20 7946 ${String(i % 10_000).padStart(4, '0')}` }],
      addresses: [],
      social: [],
      tags: ['conference', i % 3 === 0 ? 'mentor' : 'peer'],
      extensions: [],
      organisation: `Company ${i % 700}`,
      notes: 'Met at the meet-up; interested in data engineering and climbing. '.repeat(1 + (i % 3)),
      archived: false,
      createdAt: at,
      updatedAt: at,
    };
  });
}

export function makeInteractions(count: number, people: readonly SyncedPerson[], seed = 11): SyncedInteraction[] {
  const random = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const id = `i${String(i).padStart(7, '0')}`;
    const date = `202${Math.floor(random() * 6)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
    return {
      id,
      type: types[i % types.length]!,
      date,
      contactIds: [people[Math.floor(random() * people.length)]!.id],
      notes: 'Talked about the project timeline, the next steps and a book to read. '.repeat(1 + (i % 2)),
      gave: i % 5 === 0 ? ['advice'] : [],
      asked: [],
      mutual: false,
      sortKey: interactionSortKey(date, undefined, id),
      createdAt: at,
      updatedAt: at,
    };
  });
}

import type { EventListItem, EventView } from '../../../shared/ipc/channels/events.ts';

/** Small, valid event read models for the failure tests (parsed against the contract by the fake). */
const at = '2026-03-01T09:00:00.000Z';

export const devconf: EventListItem = {
  id: 'e1',
  kind: 'conference',
  name: 'DevConf',
  startsOn: '2026-03-18',
  sessions: [],
  goal: 'One or two genuine connections',
  organisations: ['Acme'],
  tags: [],
  going: [],
  createdAt: at,
  updatedAt: at,
  metCount: 1,
  lastDay: '2026-03-18',
};

export const devconfView: EventView = {
  event: (({ metCount: _m, lastDay: _l, ...event }) => event)(devconf),
  today: '2026-03-18',
  prep: {
    likely: [
      {
        id: 'sam',
        displayName: 'Sam Okafor',
        reasons: ['organisation'],
        going: false,
        askAbout: [{ id: 'd1', text: 'new puppy Biscuit' }],
      },
    ],
    starters: [{ id: 'x', text: 'What brought you here today?' }],
    practice: { ladderId: 'l1', stepId: 's1', ladderName: 'Calls', text: 'Call a shop', suds: 3, chosen: false },
  },
  followUps: [
    {
      contactId: 'ana',
      displayName: 'Ana Lima',
      state: 'due',
      metOn: '2026-03-18',
      dueBy: '2026-03-20',
      subject: 'Good to meet you at DevConf',
      draft: 'Hi Ana,\n\nGreat to meet you.\n\nBest wishes',
    },
  ],
  review: { met: 1, followedUp: 0, waiting: 1, summary: 'You met 1 person and followed up with 0.' },
};

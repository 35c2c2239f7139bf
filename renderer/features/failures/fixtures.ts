import type { Contact } from '../../../shared/domain/contact.ts';
import type { Ladder } from '../../../shared/domain/practice/model.ts';
import type { PracticeProgress } from '../../../shared/domain/practice/progress-model.ts';
import type { TodayView } from '../../../shared/domain/reminders/views.ts';
import type { PersonListItem, PersonView, TimelineEntry } from '../../../shared/domain/views.ts';
import { DEFAULT_REMINDER_SETTINGS } from '../../../shared/domain/reminders/settings.ts';
import { DEFAULT_TIER_CADENCES } from '../../../shared/domain/cadence.ts';

/** Small, valid read models for the failure tests (each is parsed against the contract by the fake). */
const at = '2026-03-01T09:00:00.000Z';
const tracked = {
  state: 'overdue',
  since: '2026-01-01',
  daysSince: 70,
  dueOn: '2026-01-22',
  overdueOn: '2026-02-05',
} as const;

export const sam: PersonListItem = {
  id: 'sam',
  displayName: 'Sam Okafor',
  tags: ['design'],
  archived: false,
  tier: 'close',
  lastInteractionOn: '2026-01-01',
  status: tracked,
};
export const ana: PersonListItem = {
  id: 'ana',
  displayName: 'Ana Ruiz',
  tags: [],
  archived: false,
  status: { state: 'untracked' },
};

export const samContact: Contact = {
  id: 'sam',
  displayName: 'Sam Okafor',
  emails: [],
  phones: [],
  addresses: [],
  social: [],
  tags: ['design'],
  archived: false,
  extensions: [],
  createdAt: at,
  updatedAt: at,
};

export const samView: PersonView = {
  contact: samContact,
  status: tracked,
  setAside: [],
  detailsSetAside: [],
  openDetails: [
    {
      id: 'd1',
      contactId: 'sam',
      text: 'new puppy Biscuit',
      learnedOn: '2026-02-01',
      sensitivity: 'normal',
      status: 'open',
      createdAt: at,
      updatedAt: at,
    },
  ],
  reciprocity: { gave: 0, asked: 0, mutual: 0, balance: 0, nudge: false, suggestions: [] },
};

export const coffee: TimelineEntry = {
  id: 'i1',
  type: 'coffee',
  date: '2026-03-01',
  contactIds: ['sam'],
  gave: [],
  asked: [],
  mutual: false,
  people: [{ id: 'sam', displayName: 'Sam Okafor' }],
  createdAt: at,
  updatedAt: at,
};

export const today: TodayView = {
  today: '2026-03-18',
  overdue: [
    {
      id: 'sam',
      displayName: 'Sam Okafor',
      tier: 'close',
      status: tracked,
      reasons: [{ kind: 'overdue', status: tracked }],
    },
  ],
  due: [],
  thisWeek: [],
  nudge: {
    personId: 'sam',
    displayName: 'Sam Okafor',
    lines: ['Hi Sam,', 'How are you?'],
    step: 'Say hello.',
    smallerStep: false,
  },
  birthdays: [],
  totals: { overdue: 1, due: 0, thisWeek: 0, birthdays: 0 },
};

export const ladder: Ladder = {
  id: 'l1',
  name: 'Calls',
  steps: [{ id: 's1', text: 'Call a shop', suds: 3 }],
  createdAt: at,
  updatedAt: at,
};

export const progress: PracticeProgress = {
  today: '2026-03-18',
  goal: { goal: 2, done: 0, remaining: 2, met: false, message: 'A fresh week.' },
  ladders: [],
  otherPractices: [],
  beliefs: { points: [], averageBefore: null, averageAfter: null, happened: 0, summary: 'Nothing yet.' },
};

export const keepInTouch = { tiers: DEFAULT_TIER_CADENCES };
export const reminderSettings = { ...DEFAULT_REMINDER_SETTINGS, host: { notifications: false, tray: null } };
export const backupStatus = {
  settings: { frequency: 'daily', keepDaily: 7, keepWeekly: 4 },
  folder: '/data/backups',
  running: false,
} as const;

export const recoveryStatus = {
  problem: 'damaged' as const,
  detail: 'It cannot be read.',
  lastKnownPeople: 300,
  backupFolder: '/data/backups',
  backups: [
    {
      name: 'rapport-20260317T090000Z',
      createdAt: '2026-03-17T09:00:00.000Z',
      counts: { contacts: 300 },
      bytes: 1000,
    },
  ],
  safetyCopies: [
    {
      name: 'rapport-20260316T090000Z.sqlite',
      createdAt: '2026-03-16T09:00:00.000Z',
      reason: 'Before importing people.vcf (80 people)',
      people: 220,
      bytes: 4096,
    },
  ],
  canOpenReadOnly: true,
};

/** This week's no-ask touches (Today's weekly card). */
export const week = { weekStart: '2026-03-16', done: 1, target: 3, jobHuntMode: false };

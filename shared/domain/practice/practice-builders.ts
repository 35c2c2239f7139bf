import type { Ladder, PracticeSession, StoredAfter } from './model.ts';

/** Test builders for practice: a phone ladder and sessions finished on days of March 2026. */

export const TODAY = '2026-03-18';

export function ladder(
  id = 'calls',
  steps: [string, number][] = [
    ['Call a shop', 3],
    ['Call a friend', 5],
  ],
): Ladder {
  return {
    id,
    name: id === 'calls' ? 'Phone calls' : `Ladder ${id}`,
    steps: steps.map(([text, suds], i) => ({ id: `${id}-${i + 1}`, text, suds })),
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
  };
}

/** A planned session; `finished` adds the afterwards half, completed on that day. */
export function planned(id: string, extra: Partial<PracticeSession> = {}): PracticeSession {
  return {
    id,
    status: 'planned',
    date: '2026-03-01',
    task: `Task ${id}`,
    situation: 'phone',
    sudsBefore: 6,
    prediction: 'They will sound annoyed within a minute',
    beliefBefore: 70,
    safetyBehavioursToDrop: [],
    createdAt: `2026-03-01T09:00:00.000Z`,
    updatedAt: `2026-03-01T09:00:00.000Z`,
    ...extra,
  };
}

export function finished(
  id: string,
  completedOn: string,
  after: Partial<StoredAfter> = {},
  extra: Partial<PracticeSession> = {},
): PracticeSession {
  return planned(id, {
    status: 'done',
    completedOn,
    createdAt: `${completedOn}T08:00:00.000Z`,
    after: {
      sudsPeak: 7,
      sudsEnd: 3,
      stayed: 'until-done',
      outcome: 'They were friendly',
      predictionHappened: false,
      coping: '',
      beliefAfter: 20,
      learned: '',
      droppedSafetyBehaviours: [],
      ...after,
    },
    ...extra,
  });
}

/** A finished try at step `n` (1-based) of the `calls` ladder. */
export const attempt = (id: string, n: number, completedOn: string, after: Partial<StoredAfter> = {}) =>
  finished(id, completedOn, after, { ladderId: 'calls', stepId: `calls-${n}` });

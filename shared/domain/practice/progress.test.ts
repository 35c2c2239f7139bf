import { describe, expect, it } from 'vitest';
import type { PracticeSession } from './model.ts';
import { practiceInteractionNotes } from './notes.ts';
import { completionsPerWeek, predictionCalibration, sudsPoints, weekStartOf, weeklyGoalProgress } from './progress.ts';

describe('weekStartOf', () => {
  it.each([
    ['2026-03-09', '2026-03-09'], // a Monday is its own week start
    ['2026-03-15', '2026-03-09'], // Sunday belongs to the week that began on Monday
    ['2026-03-16', '2026-03-16'],
    ['2026-01-01', '2025-12-29'], // across a year boundary
    ['2028-03-01', '2028-02-28'], // across a leap day
  ])('the week of %s starts on %s', (day, start) => {
    expect(weekStartOf(day)).toBe(start);
  });
});

describe('completionsPerWeek', () => {
  const TODAY = '2026-03-18'; // a Wednesday; the week began on 2026-03-16
  it.each([
    [
      'no completions gives zeros for every week',
      [],
      3,
      [
        ['2026-03-02', 0],
        ['2026-03-09', 0],
        ['2026-03-16', 0],
      ],
    ],
    [
      'counts by ISO week, oldest first',
      ['2026-03-16', '2026-03-18', '2026-03-15', '2026-03-02'],
      3,
      [
        ['2026-03-02', 1],
        ['2026-03-09', 1],
        ['2026-03-16', 2],
      ],
    ],
    ['ignores days after today', ['2026-03-19', '2026-03-22'], 1, [['2026-03-16', 0]]],
    [
      'ignores weeks before the window',
      ['2026-02-28'],
      2,
      [
        ['2026-03-09', 0],
        ['2026-03-16', 0],
      ],
    ],
    ['ignores unreadable dates', ['not-a-date', '2026-13-40'], 1, [['2026-03-16', 0]]],
    ['returns nothing for zero weeks', ['2026-03-16'], 0, []],
  ] as const)('%s', (_label, days, weeks, expected) => {
    expect(completionsPerWeek(days, TODAY, weeks)).toEqual(
      expected.map(([weekStart, count]) => ({ weekStart, count })),
    );
  });
});

describe('weeklyGoalProgress', () => {
  const TODAY = '2026-03-18';
  it.each([
    ['nothing yet this week', [], 2, { done: 0, remaining: 2, met: false }, /A fresh week.*one small step counts/],
    ['part way', ['2026-03-16'], 3, { done: 1, remaining: 2, met: false }, /1 of 3 this week\. 2 more if it suits you/],
    [
      'goal reached',
      ['2026-03-16', '2026-03-17'],
      2,
      { done: 2, remaining: 0, met: true },
      /^2 practices this week: your goal of 2 is reached/,
    ],
    [
      'beyond the goal is a bonus, not a new target',
      ['2026-03-16', '2026-03-17', '2026-03-18'],
      2,
      { done: 3, remaining: 0, met: true },
      /bonus/,
    ],
    [
      'last week does not count towards this week',
      ['2026-03-15', '2026-03-09'],
      2,
      { done: 0, remaining: 2, met: false },
      /fresh week/,
    ],
    [
      'a later day this week does not count yet',
      ['2026-03-20'],
      1,
      { done: 0, remaining: 1, met: false },
      /fresh week/,
    ],
    ['no goal set', ['2026-03-16'], 0, { done: 1, remaining: 0, met: false }, /No goal set/],
  ] as const)('%s', (_label, days, goal, expected, message) => {
    const progress = weeklyGoalProgress(days, TODAY, goal);
    expect(progress).toMatchObject(expected);
    expect(progress.message).toMatch(message);
  });

  it('never speaks of streaks, failure or missed weeks, whatever happened before', () => {
    const histories = [[], ['2026-01-05'], ['2026-03-16'], ['2026-03-16', '2026-03-17', '2026-03-18']];
    for (const days of histories) {
      for (const goal of [0, 1, 2, 5, 7]) {
        expect(weeklyGoalProgress(days, TODAY, goal).message).not.toMatch(/streak|fail|miss|behind|broke|only/i);
      }
    }
  });
});

describe('predictionCalibration', () => {
  it('says there is nothing yet before any finished practice', () => {
    const c = predictionCalibration([]);
    expect(c).toMatchObject({ count: 0, averagePredicted: null, happenedPercent: null });
    expect(c.buckets.every((b) => b.count === 0)).toBe(true);
  });

  it.each([
    [
      'one high prediction that did not happen',
      [[80, false]],
      { averagePredicted: 80, happenedPercent: 0 },
      [0, 0, 0, 1],
      [0, 0, 0, 0],
    ],
    [
      'mixed',
      [
        [70, false],
        [90, true],
        [10, false],
        [50, false],
      ],
      { averagePredicted: 55, happenedPercent: 25 },
      [1, 0, 2, 1],
      [0, 0, 0, 1],
    ],
    [
      'band edges: 24, 25, 74, 75, 100',
      [
        [24, true],
        [25, true],
        [74, false],
        [75, false],
        [100, true],
      ],
      { averagePredicted: 60, happenedPercent: 60 },
      [1, 1, 1, 2],
      [1, 1, 0, 1],
    ],
    [
      '0 % goes in the lowest band',
      [[0, false]],
      { averagePredicted: 0, happenedPercent: 0 },
      [1, 0, 0, 0],
      [0, 0, 0, 0],
    ],
  ] as const)('%s', (_label, rows, expected, counts, happened) => {
    const c = predictionCalibration(rows.map(([likelihood, h]) => ({ likelihood, happened: h })));
    expect(c).toMatchObject({ count: rows.length, ...expected });
    expect(c.buckets.map((b) => b.count)).toEqual(counts);
    expect(c.buckets.map((b) => b.happened)).toEqual(happened);
  });

  it('summarises in plain words', () => {
    const c = predictionCalibration([
      { likelihood: 70, happened: false },
      { likelihood: 90, happened: true },
    ]);
    expect(c.summary).toBe(
      'Across 2 practices, you rated what you expected as 80% likely on average. It happened 1 time out of 2 (50%).',
    );
  });
});

const session = (
  id: string,
  status: 'planned' | 'done',
  completedOn: string | undefined,
  createdAt: string,
): PracticeSession => ({
  id,
  status,
  date: '2026-03-01',
  task: `Task ${id}`,
  situation: 'phone',
  sudsBefore: 7,
  prediction: 'They will sound annoyed',
  likelihood: 60,
  createdAt,
  updatedAt: createdAt,
  ...(completedOn ? { completedOn } : {}),
  ...(status === 'done'
    ? {
        after: {
          sudsPeak: 8,
          sudsAfter: 3,
          outcome: 'Fine',
          predictionHappened: false,
          learned: '',
          droppedSafetyBehaviours: [],
        },
      }
    : {}),
});

describe('sudsPoints', () => {
  it('lists finished sessions oldest first, leaving out planned ones', () => {
    const points = sudsPoints([
      session('b', 'done', '2026-03-10', '2026-03-10T09:00:00.000Z'),
      session('planned', 'planned', undefined, '2026-03-01T09:00:00.000Z'),
      session('a2', 'done', '2026-03-05', '2026-03-05T10:00:00.000Z'),
      session('a1', 'done', '2026-03-05', '2026-03-05T08:00:00.000Z'),
    ]);
    expect(points.map((p) => p.id)).toEqual(['a1', 'a2', 'b']);
    expect(points[0]).toMatchObject({ before: 7, peak: 8, after: 3, likelihood: 60, happened: false });
  });
});

describe('practiceInteractionNotes', () => {
  it('summarises the task, outcome and lesson without anxiety ratings', () => {
    const notes = practiceInteractionNotes(
      { task: 'Ask Sam about the course ' },
      { outcome: 'Sam was glad I asked', learned: 'People like being asked' },
    );
    expect(notes).toBe(
      'Practice: Ask Sam about the course\nWhat happened: Sam was glad I asked\nWhat I learned: People like being asked',
    );
  });

  it('leaves out an empty lesson and caps very long notes', () => {
    expect(practiceInteractionNotes({ task: 'Call' }, { outcome: 'Went fine', learned: ' ' })).not.toContain('learned');
    expect(practiceInteractionNotes({ task: 'Call' }, { outcome: 'x'.repeat(3000), learned: '' }).length).toBe(2000);
  });
});

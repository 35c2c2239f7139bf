import { describe, expect, it } from 'vitest';
import { ladderProgress, MANAGEABLE_SUDS, stepAdvice } from './ladder-progress.ts';
import { attempt, finished, ladder, planned } from './practice-builders.ts';
import type { StepAttempt } from './progress-model.ts';

const tryAt = (peak: number, stayed?: StepAttempt['stayed']): StepAttempt => ({
  sessionId: `s${peak}`,
  completedOn: '2026-03-10',
  peak,
  end: Math.min(peak, 2),
  ...(stayed ? { stayed } : {}),
});

describe('stepAdvice', () => {
  it.each([
    ['no tries yet', [], 'not-tried', /^Not tried yet/],
    [
      'the latest try peaked above 3',
      [tryAt(2, 'until-done'), tryAt(6, 'until-done')],
      'repeat',
      /^Repeat this step until even its highest point feels like a 3 or below, then move up/,
    ],
    [
      'the latest try peaked at exactly 3',
      [tryAt(7, 'until-done'), tryAt(3, 'until-done')],
      'manageable',
      /felt like a 3 or below last time\. Move up a rung when you feel ready/,
    ],
    ['a try from before "stayed" was asked', [tryAt(1)], 'manageable', /Move up a rung/],
    [
      'the user left early, however low the peak',
      [tryAt(2, 'left-early')],
      'repeat',
      /left before the end.*step back a rung/,
    ],
  ] as const)('%s', (_label, attempts, kind, message) => {
    const advice = stepAdvice(attempts);
    expect(advice.kind).toBe(kind);
    expect(advice.message).toMatch(message);
  });

  it('uses 3 out of 10 as manageable', () => expect(MANAGEABLE_SUDS).toBe(3));

  it('never scolds, whatever the tries were', () => {
    const histories: StepAttempt[][] = [
      [],
      [tryAt(9, 'left-early')],
      [tryAt(10, 'until-done')],
      [tryAt(0, 'until-done')],
    ];
    for (const attempts of histories)
      expect(stepAdvice(attempts).message).not.toMatch(/fail|should have|only|behind|streak|give up/i);
  });
});

describe('ladderProgress', () => {
  it('gives each step its finished tries oldest first, with the last peak and end', () => {
    const progress = ladderProgress(ladder(), [
      attempt('second', 1, '2026-03-12', { sudsPeak: 4, sudsEnd: 2 }),
      attempt('first', 1, '2026-03-05', { sudsPeak: 6, sudsEnd: 3 }),
      planned('not-yet', { ladderId: 'calls', stepId: 'calls-2' }),
      finished('other-ladder', '2026-03-06', {}, { ladderId: 'talks', stepId: 'calls-1' }),
    ]);
    const [one, two] = progress.steps;
    expect(one).toMatchObject({ stepId: 'calls-1', text: 'Call a shop', expected: 3 });
    expect(one!.attempts.map((a) => [a.sessionId, a.peak, a.end, a.stayed])).toEqual([
      ['first', 6, 3, 'until-done'],
      ['second', 4, 2, 'until-done'],
    ]);
    expect(one!.advice.kind).toBe('repeat');
    expect(two).toMatchObject({ attempts: [], advice: { kind: 'not-tried' } });
  });

  it('summarises each tried step in words, from its first highest anxiety to its latest', () => {
    const progress = ladderProgress(ladder(), [
      attempt('a', 1, '2026-03-05', { sudsPeak: 6 }),
      attempt('b', 1, '2026-03-08', { sudsPeak: 5 }),
      attempt('c', 1, '2026-03-12', { sudsPeak: 3 }),
      attempt('d', 2, '2026-03-14', { sudsPeak: 7 }),
    ]);
    expect(progress.summary).toBe(
      '2 of 2 steps tried. Step 1, “Call a shop”: 3 tries, highest anxiety from 6 to 3. Step 2, “Call a friend”: 1 try, highest anxiety 7.',
    );
    const same = ladderProgress(ladder(), [
      attempt('a', 1, '2026-03-05', { sudsPeak: 7 }),
      attempt('b', 1, '2026-03-08', { sudsPeak: 7 }),
    ]);
    expect(same.summary).toContain('2 tries, highest anxiety 7, as at the first try.');
  });

  it('says nothing has been tried on an untouched ladder', () => {
    expect(ladderProgress(ladder(), []).summary).toBe(
      'No steps tried yet. Practise any step and its tries appear here.',
    );
  });

  it('keeps tries from before "stayed" was asked, without inventing an answer', () => {
    const progress = ladderProgress(ladder(), [attempt('old', 2, '2026-01-05', { stayed: undefined })]);
    expect(progress.steps[1]!.attempts[0]).not.toHaveProperty('stayed');
  });
});

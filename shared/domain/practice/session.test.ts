import { describe, expect, it } from 'vitest';
import { PracticeSession, SessionAfter, SessionBefore } from './model.ts';
import { finished } from './practice-builders.ts';

const after = {
  sudsPeak: 7,
  sudsEnd: 3,
  stayed: 'until-done',
  outcome: 'They smiled and asked about my work',
  predictionHappened: false,
  beliefAfter: 20,
};
const before = {
  date: '2026-03-18',
  task: 'Introduce myself to one person at the meet-up',
  situation: 'meet-up',
  sudsBefore: 6,
  prediction: 'They will walk away within a minute',
  beliefBefore: 70,
};
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('the plan before a step', () => {
  it('asks for a prediction, a belief rating and the safety behaviours to drop, which start empty', () => {
    expect(SessionBefore.parse(before).safetyBehavioursToDrop).toEqual([]);
    expect(messages(SessionBefore.safeParse({ ...before, prediction: ' ', beliefBefore: 101 }))).toEqual([
      'prediction: Write what you predict will happen',
      'beliefBefore: Use 0 to 100',
    ]);
  });

  it('keeps one of each safety behaviour, whatever the case or spacing', () => {
    const plan = SessionBefore.parse({
      ...before,
      safetyBehavioursToDrop: ['Staying on my phone', ' staying  on my PHONE ', 'Holding a notebook'],
    });
    expect(plan.safetyBehavioursToDrop).toEqual(['Staying on my phone', 'Holding a notebook']);
  });

  it('refuses more than 20 safety behaviours at once', () => {
    const many = Array.from({ length: 21 }, (_, i) => `Behaviour ${i}`);
    expect(messages(SessionBefore.safeParse({ ...before, safetyBehavioursToDrop: many }))).toEqual([
      'safetyBehavioursToDrop: Choose at most 20',
    ]);
  });
});

describe('the afterwards half', () => {
  it('needs the belief re-rated and whether the user stayed, and names each missing answer', () => {
    const { beliefAfter: _b, stayed: _s, predictionHappened: _p, ...rest } = after;
    expect(messages(SessionAfter.safeParse(rest))).toEqual([
      'stayed: Choose whether you stayed or left early',
      'predictionHappened: Choose yes or no',
      'beliefAfter: Choose a number from 0 to 100',
    ]);
  });

  it('refuses an end-of-step anxiety above the highest, naming the end field', () => {
    expect(messages(SessionAfter.safeParse({ ...after, sudsPeak: 4, sudsEnd: 6 }))).toEqual([
      'sudsEnd: The end can’t be higher than the highest point; check both numbers',
    ]);
    expect(SessionAfter.safeParse({ ...after, sudsPeak: 4, sudsEnd: 4 }).success).toBe(true);
  });

  it('keeps how the user coped only when the prediction came true', () => {
    const coping = 'I said I had to find my colleague, and that was fine';
    expect(SessionAfter.parse({ ...after, predictionHappened: true, coping }).coping).toBe(coping);
    expect(SessionAfter.parse({ ...after, predictionHappened: false, coping }).coping).toBe('');
  });

  it('accepts a stored session finished before re-rating and staying were asked', () => {
    const old = finished('old', '2026-01-05', { beliefAfter: undefined, stayed: undefined });
    expect(PracticeSession.safeParse(old).success).toBe(true);
  });
});

// Demo practice: one fear ladder and a couple of months of practice sessions ending on `today`, so
// the Practice screen's lists and charts have something to show. Deterministic like the rest of
// the demo data: the same options give the same sessions. All wording is this project's own.
import type { PracticeSituation } from '../../shared/content/schema.ts';
import type { Stayed } from '../../shared/domain/practice/model.ts';
import { dayOf, isoOf } from './dates.ts';
import { int, streamRng } from './random.ts';

/** A stream of its own, so adding practice changes none of the people or interactions. */
const PRACTICE_STREAM = 71;

export const DEMO_LADDER_ID = 'demo-ladder-1';

const STEPS: readonly { text: string; suds: number; situation: PracticeSituation }[] = [
  { text: 'Reply to a colleague’s post with one sentence of my own', suds: 2, situation: 'social-media' },
  { text: 'Ask one question at the end of a short course session', suds: 3, situation: 'short-course' },
  {
    text: 'Say hello to someone new in the corridor and ask how their week is going',
    suds: 4,
    situation: 'corridor-small-talk',
  },
  { text: 'Phone a former colleague to catch up instead of sending a message', suds: 5, situation: 'phone' },
  { text: 'Introduce myself to two strangers at a meet-up', suds: 7, situation: 'meet-up' },
  { text: 'Join a group already talking at a conference and stay ten minutes', suds: 8, situation: 'conference' },
];

/** What each practised step predicted and what happened instead, in the order they are practised. */
const EXPERIMENTS: readonly {
  step: number;
  prediction: string;
  outcome: string;
  learned: string;
  happened: boolean;
}[] = [
  {
    step: 0,
    prediction: 'Nobody will react, and it will look like I am trying too hard',
    outcome: 'Two people liked it and one replied with a question',
    learned: 'A short honest comment is enough to start something',
    happened: false,
  },
  {
    step: 1,
    prediction: 'My voice will shake and people will turn round to look at me',
    outcome: 'My voice wobbled a little; the trainer thanked me and nobody turned round',
    learned: 'I notice my nerves far more than anyone else does',
    happened: false,
  },
  {
    step: 2,
    prediction: 'They will give a one-word answer and walk off',
    outcome: 'We talked for five minutes about the new coffee machine and their move',
    learned: 'Most people are glad to be asked',
    happened: false,
  },
  {
    step: 2,
    prediction: 'I will run out of things to say after the first question',
    outcome: 'There was a pause after a minute; I asked about their weekend and it carried on',
    learned: 'A pause is not a disaster; one more question gets past it',
    happened: true,
  },
  {
    step: 3,
    prediction: 'They will sound annoyed that I called instead of texting',
    outcome: 'They said it was lovely to hear a voice and we talked for twenty minutes',
    learned: 'A call feels warmer to the other person too',
    happened: false,
  },
  {
    step: 3,
    prediction: 'I will ramble and they will make an excuse to hang up',
    outcome: 'I rambled a bit at the start; they laughed, and we planned a coffee',
    learned: 'Rambling is forgiven when the interest is real',
    happened: false,
  },
  {
    step: 4,
    prediction: 'The first person will look past me for someone more interesting',
    outcome: 'The first conversation was short; the second person introduced me to a friend',
    learned: 'One short conversation is still a conversation',
    happened: true,
  },
  {
    step: 4,
    prediction: 'I will leave within ten minutes because it is too much',
    outcome: 'I stayed forty minutes and left with two names to follow up',
    learned: 'The worst of the nerves passes in the first few minutes',
    happened: false,
  },
];

export interface DemoPractice {
  ladder: {
    id: string;
    name: string;
    steps: { id: string; text: string; suds: number; situation: PracticeSituation }[];
  };
  sessions: DemoSession[];
}

export interface DemoSession {
  id: string;
  status: 'planned' | 'done';
  date: string;
  task: string;
  situation: PracticeSituation;
  ladderId: string;
  stepId: string;
  sudsBefore: number;
  prediction: string;
  beliefBefore: number;
  safetyBehavioursToDrop: string[];
  completedOn?: string;
  after?: {
    sudsPeak: number;
    sudsEnd: number;
    stayed: Stayed;
    outcome: string;
    predictionHappened: boolean;
    coping: string;
    beliefAfter: number;
    learned: string;
    droppedSafetyBehaviours: string[];
  };
}

const DROPPED: readonly string[] = [
  'Rehearsing every word in advance',
  'Staying on my phone',
  'Keeping it as short as possible',
  'Staying near the exit or at the edge of the room',
];

/**
 * The ladder, one finished session roughly every week for the past two months (anxiety falling as
 * the steps are repeated, belief in the feared prediction falling afterwards), and one planned
 * session for the next step, waiting to be finished.
 */
export function generateDemoPractice(options: { today: string; seed?: number }): DemoPractice {
  const rng = streamRng(options.seed ?? 1, PRACTICE_STREAM);
  const today = dayOf(options.today);
  const steps = STEPS.map((step, n) => ({ id: `demo-step-${n + 1}`, ...step }));
  const ladder = { id: DEMO_LADDER_ID, name: 'Meeting new people at work events', steps };
  const tries = new Map<number, number>();
  const sessions: DemoSession[] = EXPERIMENTS.map((experiment, n) => {
    const step = steps[experiment.step]!;
    const day = isoOf(today - 7 * (EXPERIMENTS.length - n) + int(rng, 0, 2));
    // A step repeated feels easier than the first time: that fall is what the chart is for.
    const repeat = tries.get(experiment.step) ?? 0;
    tries.set(experiment.step, repeat + 1);
    const sudsBefore = Math.max(1, Math.min(10, step.suds + 1 - 2 * repeat));
    const sudsPeak = Math.min(10, sudsBefore + (repeat ? 0 : 1));
    const sudsEnd = Math.max(0, sudsPeak - int(rng, 2, 4));
    const beliefBefore = 50 + int(rng, 0, 8) * 5;
    const dropped = DROPPED[n % DROPPED.length]!;
    return {
      id: `demo-session-${n + 1}`,
      status: 'done',
      date: day,
      task: step.text,
      situation: step.situation,
      ladderId: ladder.id,
      stepId: step.id,
      sudsBefore,
      prediction: experiment.prediction,
      beliefBefore,
      safetyBehavioursToDrop: [dropped],
      completedOn: day,
      after: {
        sudsPeak,
        sudsEnd,
        stayed: n === 3 ? 'left-early' : 'until-done',
        outcome: experiment.outcome,
        predictionHappened: experiment.happened,
        coping: experiment.happened ? 'I took a breath, asked another question and it moved on' : '',
        beliefAfter: Math.max(5, beliefBefore - 25 - int(rng, 0, 6) * 5),
        learned: experiment.learned,
        droppedSafetyBehaviours: n % 3 === 2 ? [] : [dropped],
      },
    };
  });
  const next = steps[5]!;
  sessions.push({
    id: `demo-session-${EXPERIMENTS.length + 1}`,
    status: 'planned',
    date: isoOf(today - 1),
    task: next.text,
    situation: next.situation,
    ladderId: ladder.id,
    stepId: next.id,
    sudsBefore: 8,
    prediction: 'The group will go quiet when I join and nobody will include me',
    beliefBefore: 70,
    safetyBehavioursToDrop: ['Sticking with colleagues or people I already know'],
  });
  return { ladder, sessions };
}

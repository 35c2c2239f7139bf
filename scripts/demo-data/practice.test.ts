import { afterEach, describe, expect, it } from 'vitest';
import { SessionAfter } from '../../shared/domain/practice/model.ts';
import { openTestCore, type TestCore } from '../../main/core/testing/test-core.ts';
import { generateDemoPractice } from './practice.ts';
import { writeDemoData } from './write.ts';

const TODAY = '2026-11-25';
let opened: TestCore | undefined;
afterEach(async () => {
  await opened?.dispose();
  opened = undefined;
});

describe('demo practice', () => {
  it('is deterministic, ends by today, and every finished half is one the form would accept', () => {
    const practice = generateDemoPractice({ today: TODAY });
    expect(generateDemoPractice({ today: TODAY })).toEqual(practice);
    expect(generateDemoPractice({ today: TODAY, seed: 2 })).not.toEqual(practice);
    for (const session of practice.sessions) {
      expect(session.date <= TODAY).toBe(true);
      if (session.after) expect(SessionAfter.safeParse(session.after).success).toBe(true);
    }
    // A step tried again felt easier at its highest point than the first time.
    const peaks = new Map<string, number[]>();
    for (const s of practice.sessions)
      if (s.after) peaks.set(s.stepId, [...(peaks.get(s.stepId) ?? []), s.after.sudsPeak]);
    const repeated = [...peaks.values()].filter((list) => list.length > 1);
    expect(repeated.length).toBeGreaterThan(0);
    for (const [first, second] of repeated) expect(second!).toBeLessThan(first!);
  });

  it('shows on the Practice screen: a ladder with its tries, beliefs that fell, and one practice to finish', async () => {
    // The seed writes straight into the collections, as an import would, outside any area.
    opened = await openTestCore({ now: `${TODAY}T18:00:00Z`, guardOwnership: false });
    await writeDemoData(opened.core.db, { contacts: 20, interactions: 60, today: TODAY });

    const progress = await opened.next('practice.watchProgress', {}, (p) => p.ladders.length > 0);
    const [ladder] = progress.ladders;
    expect(ladder!.steps).toHaveLength(6);
    expect(ladder!.steps.reduce((tries, step) => tries + step.attempts.length, 0)).toBe(8);
    expect(progress.beliefs.points).toHaveLength(8);
    expect(progress.beliefs.averageAfter!).toBeLessThan(progress.beliefs.averageBefore!);

    const sessions = await opened.next('practice.watchSessions', {}, (list) => list.length > 0);
    expect(sessions.filter((s) => s.status === 'planned').map((s) => s.task)).toEqual([
      'Join a group already talking at a conference and stay ten minutes',
    ]);
  });
});

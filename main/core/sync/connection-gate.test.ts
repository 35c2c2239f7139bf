import { describe, expect, it } from 'vitest';
import { ConnectionGate } from './connection-gate.ts';

const down = () => Promise.reject(new Error('connect ECONNREFUSED'));

describe('ConnectionGate', () => {
  it('lets requests straight through while the server answers', async () => {
    const gate = new ConnectionGate();
    let inFlight = 0;
    let most = 0;
    const attempt = async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 10));
      inFlight--;
      return 'ok';
    };
    expect(await Promise.all([gate.run(attempt), gate.run(attempt), gate.run(attempt)])).toEqual(['ok', 'ok', 'ok']);
    expect(most).toBe(3);
  });

  it('doubles the wait after each failed probe, up to the cap', async () => {
    let now = 1_000;
    const gate = new ConnectionGate({ baseMs: 100, capMs: 350, now: () => now, random: () => 0.5 });
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      await expect(gate.run(down)).rejects.toThrow('ECONNREFUSED');
      waits.push(gate.state$.value.nextAttemptAt - now);
      now = gate.state$.value.nextAttemptAt; // the next probe goes exactly when allowed
    }
    expect(waits).toEqual([100, 200, 350, 350]);
    expect(gate.state$.value).toMatchObject({ online: false, failures: 4 });
  });

  it('while the server is down, sends one probe at a time, spaced by the back-off', async () => {
    const gate = new ConnectionGate({ baseMs: 20, capMs: 40, random: () => 0.5 });
    await expect(gate.run(down)).rejects.toThrow();
    const starts: number[] = [];
    let inFlight = 0;
    let most = 0;
    const probe = async () => {
      starts.push(performance.now());
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      throw new Error('still down');
    };
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => gate.run(probe)));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(most).toBe(1);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(35); // 40 ms cap, timers may fire a little early
  });

  it('reopens for everyone once a probe gets an answer', async () => {
    const gate = new ConnectionGate({ baseMs: 10, random: () => 0.5 });
    await expect(gate.run(down)).rejects.toThrow();
    expect(await Promise.all([gate.run(async () => 1), gate.run(async () => 2)])).toEqual([1, 2]);
    expect(gate.state$.value).toEqual({ online: true, failures: 0, nextAttemptAt: 0 });
  });

  it('counts requests that were already in flight when the server went away as one failure', async () => {
    const gate = new ConnectionGate({ baseMs: 1_000 });
    await Promise.allSettled([gate.run(down), gate.run(down), gate.run(down)]);
    expect(gate.state$.value.failures).toBe(1);
  });

  it('stops waiting when the sync is stopped', async () => {
    const gate = new ConnectionGate({ baseMs: 60_000 });
    await expect(gate.run(down)).rejects.toThrow();
    const stop = new AbortController();
    const waiting = gate.run(async () => 'never', stop.signal);
    stop.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});

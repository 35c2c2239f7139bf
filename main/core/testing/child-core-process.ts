/**
 * A core in its own process, driven by messages from `openChildCore` (child-core.ts). The free
 * RxDB build allows 13 open collections per process, so a second device in a test needs its own.
 */
import { openCore } from '../core.ts';
import { movableClock } from './fakes.ts';

type Message =
  | { id: number; kind: 'call'; channel: string; input: unknown }
  | { id: number; kind: 'advance'; ms: number }
  | { id: number; kind: 'close' };

const [dataDir, now, tuning] = process.argv.slice(2) as [string, string, string];
const clock = movableClock(now);
const core = await openCore({
  dataDir,
  mode: 'browser',
  version: 'test',
  clock,
  guardOwnership: true,
  syncTuning: JSON.parse(tuning),
});

process.on('message', (message: Message) => {
  void (async () => {
    if (message.kind === 'call') {
      process.send!({ id: message.id, result: await core.requestUnchecked(message.channel, message.input) });
    } else if (message.kind === 'advance') {
      clock.advance(message.ms);
      process.send!({ id: message.id, result: null });
    } else {
      await core.close();
      process.send!({ id: message.id, result: null }, () => process.exit(0));
    }
  })();
});
process.send!({ ready: true });

import type { Result } from '../../../shared/ipc/result.ts';
import type { SetAsideRecord } from '../../../shared/ipc/channels/sync.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { useLive } from '../../api/useLive.ts';
import { LiveError } from '../../ui/LiveError.tsx';
import { SET_ASIDE_LABELS, SetAsideList, settleWords } from './SetAsideList.tsx';

const KIND_WORDS: Record<SetAsideRecord['kind'], string> = {
  event: 'Event',
  ladder: 'Fear ladder',
  session: 'Practice',
  starter: 'Your starter',
};

type Settle = { id: string; conflictId: string; choice: 'use' | 'dismiss' };

/** Each kind is settled by the area that owns it. */
const SETTLE: Record<SetAsideRecord['kind'], (input: Settle) => Promise<Result<unknown>>> = {
  event: (input) => rapport().events.settleSetAside(input),
  ladder: (input) => rapport().practice.settleSetAside({ ...input, kind: 'ladder' }),
  session: (input) => rapport().practice.settleSetAside({ ...input, kind: 'session' }),
  starter: (input) => rapport().starters.settleSetAside(input),
};

/**
 * Settings → Sync, "Changed on two devices": values a sync merge set aside on events, ladders,
 * practices and your own starters, which have no person page to show them. Shown only when there
 * are some, whether or not sync is still set up: they stay until the user chooses.
 */
export function SetAsideElsewhere() {
  const request = useRequest();
  const live = useLive<SetAsideRecord[]>((onResult) => rapport().sync.watchSetAside({}, onResult), []);
  if (live.status === 'loading') return null;
  if (live.status !== 'ready') return <LiveError state={live} what="the values set aside by sync" />;
  if (!live.data.length) return null;

  const settle = (record: SetAsideRecord, conflictId: string, choice: 'use' | 'dismiss') =>
    void request(() => SETTLE[record.kind]({ id: record.id, conflictId, choice }), settleWords(choice));

  return (
    <section className="card set-aside" aria-labelledby="set-aside-elsewhere-title">
      <h2 id="set-aside-elsewhere-title">Changed on two devices</h2>
      <p className="card-intro">
        These were changed on two devices before they synced. The newest change is in place; the other is kept here
        until you choose. People, their details and timeline entries show theirs on the person&rsquo;s page.
      </p>
      {live.data.map((record) => (
        <div key={`${record.kind}:${record.id}`} className="set-aside-record">
          <h3>
            {KIND_WORDS[record.kind]} <q>{record.title}</q>
          </h3>
          <SetAsideList
            values={record.values}
            labels={SET_ASIDE_LABELS[record.kind]}
            of={`${KIND_WORDS[record.kind].toLowerCase()} “${record.title}”`}
            settle={(conflict, choice) => settle(record, conflict.id, choice)}
          />
        </div>
      ))}
    </section>
  );
}

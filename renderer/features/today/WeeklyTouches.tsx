import type { SubscriptionOutput } from '../../../shared/ipc/contract.ts';
import { rapport } from '../../api/rapport.ts';
import { useLive } from '../../api/useLive.ts';
import { LiveError } from '../../ui/LiveError.tsx';

type Week = SubscriptionOutput<'network.watchWeek'>;

/** This week's touches that asked for nothing, against the target set on the Network screen. */
export function WeeklyTouches() {
  const week = useLive<Week>((onResult) => rapport().network.watchWeek({}, onResult), []);
  if (week.status !== 'ready') return <LiveError state={week} what="This week’s touches" />;
  const { done, target, jobHuntMode } = week.data;
  if (target === 0) return null;
  const left = Math.max(0, target - done);
  return (
    <section className="card weekly-touches" aria-labelledby="weekly-title">
      <h2 id="weekly-title">No-ask touches this week</h2>
      <p>
        <meter min={0} max={target} value={Math.min(done, target)} aria-label="No-ask touches this week">
          {done} of {target}
        </meter>{' '}
        {left ? (
          <>
            <strong>
              {done} of {target}
            </strong>
            : {left} more to go. A catch-up, a congratulation or something useful, with nothing asked.
          </>
        ) : (
          <>
            <strong>{done}</strong> this week, against a target of {target}: done for this week.
          </>
        )}
      </p>
      {jobHuntMode ? (
        <p className="muted small">
          Job-hunt mode is on. Keep giving as well as asking; <a href="#/network">Network</a> has drafts for your news.
        </p>
      ) : null}
    </section>
  );
}

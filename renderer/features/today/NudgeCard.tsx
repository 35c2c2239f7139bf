import { Copy, Moon, SkipForward } from 'lucide-react';
import type { NudgeView } from '../../../shared/domain/reminders/views.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { openPerson } from '../../navigation/useScreen.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { formatInstant } from '../../ui/dates.ts';
import { useCopy } from '../starters/useCopy.ts';
import { DoneButton } from './DoneButton.tsx';
import { undoReminderChange } from './reminder-undo.ts';

const OUTCOME: Record<NonNullable<NudgeView['outcome']>, string> = {
  done: 'Done for today. Nice one.',
  tonight: 'We will remind you this evening.',
  skipped: 'Skipped for today. Tomorrow is another chance.',
};
/** Without notifications (browser mode, or turned off) nothing would remind: it says so. */
const TONIGHT_ON_TODAY_ONLY =
  'Kept here for this evening. No notification will come: they are turned off or not available here.';

function outcomeText(nudge: NudgeView): string {
  if (nudge.outcome !== 'tonight') return OUTCOME[nudge.outcome!];
  if (nudge.remindBy === 'today') return TONIGHT_ON_TODAY_ONLY;
  // Quiet hours hold the notification: it says when it will come instead of "this evening".
  if (nudge.notifiesAt)
    return `Your quiet hours start first: we will remind you at ${formatInstant(nudge.notifiesAt)}.`;
  return OUTCOME.tonight;
}

/** "Just do it": one person a day, a message already drafted, and three ways to answer, each with Undo. */
export function NudgeCard({ nudge }: { nudge: NudgeView | null }) {
  const request = useRequest();
  const { copy, status } = useCopy();
  if (!nudge) return null;
  const name = nudge.displayName;

  return (
    <section className="card nudge" aria-labelledby="nudge-title">
      <div className="nudge-head">
        <Avatar name={name} size="lg" />
        <div>
          <h2 id="nudge-title">
            Just do it:{' '}
            <a
              href={`#/people/${encodeURIComponent(nudge.personId)}`}
              onClick={(e) => {
                e.preventDefault();
                openPerson(nudge.personId);
              }}
            >
              {name}
            </a>
          </h2>
          <p className="field-hint">{nudge.step}</p>
        </div>
      </div>
      <blockquote className="draft" aria-label="Drafted message">
        <p>{nudge.lines[0]}</p>
        <p>{nudge.lines[1]}</p>
      </blockquote>
      {nudge.outcome ? <p role="status">{outcomeText(nudge)}</p> : null}
      {/* Put off until tonight, it can still be done now: only Tonight and Skip have been answered. */}
      {!nudge.outcome || nudge.outcome === 'tonight' ? (
        <div className="actions">
          <DoneButton personId={nudge.personId} name={name} />
          <button type="button" onClick={() => void copy(nudge.lines.join('\n'), 'Copied the message.')}>
            <Copy size={14} aria-hidden /> Copy message
          </button>
          {nudge.outcome ? null : (
            <>
              <button
                type="button"
                className="ghost"
                onClick={() =>
                  void request(() => rapport().reminders.nudge({ action: 'tonight' }), {
                    action: 'set the evening reminder',
                    success: ({ change }) => ({
                      title: `Put ${name} off until this evening`,
                      undo: undoReminderChange(change),
                    }),
                  })
                }
              >
                <Moon size={14} aria-hidden /> Tonight
              </button>
              <button
                type="button"
                className="ghost"
                onClick={() =>
                  void request(() => rapport().reminders.nudge({ action: 'skip' }), {
                    action: 'skip the nudge',
                    success: ({ change }) => ({
                      title: `Skipped ${name} for today`,
                      undo: undoReminderChange(change),
                    }),
                  })
                }
              >
                <SkipForward size={14} aria-hidden /> Skip
              </button>
            </>
          )}
          <span className="muted small" role="status">
            {status}
          </span>
        </div>
      ) : null}
    </section>
  );
}

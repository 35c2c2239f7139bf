import { tries } from '../../../shared/domain/practice/ladder-progress.ts';
import type { Ladder } from '../../../shared/domain/practice/model.ts';
import type { StepProgress } from '../../../shared/domain/practice/progress-model.ts';
import { LiveError } from '../../ui/LiveError.tsx';
import { PracticeEventLink, usePracticeLinks } from '../events/PracticeEventLink.tsx';
import type { SessionSeed } from './PlanForm.tsx';
import { useFocusStaysInList } from '../../ui/useFocusStaysInList.ts';

interface LadderListProps {
  ladders: readonly Ladder[];
  /** Each step's tries and advice, by step id (absent while progress loads). */
  history: ReadonlyMap<string, StepProgress>;
  onPractise: (seed: SessionSeed) => void;
  onEdit: (ladder: Ladder) => void;
  onDelete: (ladder: Ladder) => void;
}

/** A step's tries in a few words: how many, and how the latest one went. */
function triesText(step: StepProgress): string {
  const last = step.attempts.at(-1);
  if (!last) return '';
  const left = last.stayed === 'left-early' ? ', left early' : '';
  return `${tries(step.attempts.length)}. Last time: highest ${last.peak}, at the end ${last.end}${left}.`;
}

/**
 * Each ladder with its steps in order, their tries and a gentle suggestion; any step can be
 * practised next, not only the lowest.
 */
export function LadderList({ ladders, history, onPractise, onEdit, onDelete }: LadderListProps) {
  const eventLinks = usePracticeLinks();
  // A deleted ladder leaves: focus goes to the Delete of the one now in its place, not to the page.
  const focusStays = useFocusStaysInList();
  if (!ladders.length)
    return (
      <p className="empty">
        No ladders yet. A ladder is a few steps from “could do that today” to “that would be a big deal”.
      </p>
    );
  return (
    <ul className="ladder-list" {...focusStays}>
      {ladders.map((ladder, index) => (
        <li key={ladder.id} className="card">
          {index === 0 ? <LiveError state={eventLinks} what="the events your steps are practice for" /> : null}
          <div className="screen-top">
            <h3>{ladder.name}</h3>
            <div className="actions">
              <button type="button" aria-label={`Edit ${ladder.name}`} onClick={() => onEdit(ladder)}>
                Edit
              </button>
              <button
                type="button"
                className="danger"
                data-row-control="delete"
                aria-label={`Delete ${ladder.name}`}
                onClick={() => onDelete(ladder)}
              >
                Delete
              </button>
            </div>
          </div>
          <ol className="ladder-rungs" aria-label={`Steps of ${ladder.name}`}>
            {ladder.steps.map((step, i) => {
              const progress = history.get(step.id);
              return (
                <li key={step.id}>
                  <span className="rung-number" aria-hidden="true">
                    {i + 1}.
                  </span>
                  <div className="rung-text">
                    <span>
                      {step.text} <PracticeEventLink links={eventLinks} stepId={step.id} />
                    </span>
                    {progress ? (
                      <p className={`rung-history ${progress.advice.kind}`}>
                        {triesText(progress)} {progress.advice.message}
                      </p>
                    ) : null}
                  </div>
                  <span className="rung-suds" aria-label={`expected anxiety ${step.suds} out of 10`}>
                    {step.suds}/10
                  </span>
                  <button
                    type="button"
                    aria-label={`Practise step ${i + 1} of ${ladder.name}`}
                    onClick={() =>
                      onPractise({
                        task: step.text,
                        situation: step.situation,
                        ladderId: ladder.id,
                        stepId: step.id,
                        promptId: step.promptId,
                      })
                    }
                  >
                    Practise
                  </button>
                </li>
              );
            })}
          </ol>
        </li>
      ))}
    </ul>
  );
}

import { Plus, Sprout } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { Ladder, PracticeSession } from '../../../shared/domain/practice/model.ts';
import type { PracticeProgress, StepProgress } from '../../../shared/domain/practice/progress-model.ts';
import { ownSafetyBehaviours } from '../../../shared/domain/practice/safety-behaviours.ts';
import { rapport } from '../../api/rapport.ts';
import { useLive } from '../../api/useLive.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { useRequest } from '../../api/request.ts';
import { LiveError } from '../../ui/LiveError.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { LadderBuilder } from './LadderBuilder.tsx';
import { LadderList } from './LadderList.tsx';
import './practice.css';
import { PROFESSIONAL_HELP } from './fields.tsx';
import { OutcomeForm } from './OutcomeForm.tsx';
import { PlanForm, type SessionSeed } from './PlanForm.tsx';
import { ProgressPanel } from './ProgressPanel.tsx';

const GOALS = [0, 1, 2, 3, 4, 5, 6, 7];
const ladderFields = ({ id: _i, createdAt: _c, updatedAt: _u, ...fields }: Ladder) => fields;

/**
 * Practice: fear ladders, one practice at a time (before and afterwards), and progress.
 * Everything is reachable by keyboard; charts carry text summaries and tables.
 */
export function PracticeScreen() {
  const ladders = useLive<Ladder[]>((onResult) => rapport().practice.watchLadders({}, onResult), []);
  const sessions = useLive<PracticeSession[]>((onResult) => rapport().practice.watchSessions({}, onResult), []);
  const progress = useLive<PracticeProgress>((onResult) => rapport().practice.watchProgress({}, onResult), []);
  const request = useRequest();
  const toast = useToast();
  const [building, setBuilding] = useState<Ladder | 'new' | null>(null);
  const [seed, setSeed] = useState<SessionSeed | null>(null);
  const [finishing, setFinishing] = useState<PracticeSession | null>(null);

  const planned = sessions.status === 'ready' ? sessions.data.filter((s) => s.status === 'planned') : [];
  const today = progress.status === 'ready' ? progress.data.today : '';
  const ownBehaviours = useMemo(
    () => (sessions.status === 'ready' ? ownSafetyBehaviours(sessions.data) : []),
    [sessions],
  );
  const history = useMemo(
    () =>
      new Map<string, StepProgress>(
        progress.status === 'ready' ? progress.data.ladders.flatMap((l) => l.steps.map((s) => [s.stepId, s])) : [],
      ),
    [progress],
  );

  const deleteLadder = (ladder: Ladder) =>
    void request(() => rapport().practice.deleteLadder({ id: ladder.id }), {
      action: `delete the ladder “${ladder.name}”`,
      success: ({ undoToken }) => ({ title: `Deleted the ladder “${ladder.name}”`, undo: { token: undoToken } }),
    });
  const deleteSession = (session: PracticeSession) =>
    void request(() => rapport().practice.deleteSession({ id: session.id }), {
      action: 'delete the planned practice',
      success: ({ undoToken }) => ({ title: `Deleted “${session.task}”`, undo: { token: undoToken } }),
    });

  return (
    <section aria-labelledby="screen-title" className="screen practice">
      <div className="screen-top">
        <div>
          <ScreenHeading>Practice</ScreenHeading>
          <p className="lead">
            Small, graded steps that make networking less daunting, each one a small experiment: predict what will
            happen, try it without your usual safety behaviours, and see. Start with something that feels like a 3 out
            of 10, not a 9.
          </p>
        </div>
        <div className="actions">
          <button type="button" className="primary" onClick={() => setSeed({})}>
            <Sprout size={16} aria-hidden /> Practise something
          </button>
          <button type="button" onClick={() => setBuilding('new')}>
            <Plus size={16} aria-hidden /> New ladder
          </button>
        </div>
      </div>
      <aside className="notice practice-note" aria-label="About practice">
        <p>This is self-practice, not treatment. {PROFESSIONAL_HELP}</p>
      </aside>

      {progress.status === 'ready' ? (
        <section className="card goal" aria-labelledby="goal-title">
          <h2 id="goal-title">This week</h2>
          <p>{progress.data.goal.message}</p>
          <label className="inline-select">
            <span>Weekly goal</span>
            <select
              value={progress.data.goal.goal}
              onChange={(e) => {
                const goal = Number(e.target.value);
                void request(() => rapport().practice.setWeeklyGoal({ goal }), {
                  action: 'set the weekly goal',
                  success: () => ({ title: goal ? `Weekly goal: ${goal} a week` : 'No weekly goal' }),
                });
              }}
            >
              {GOALS.map((g) => (
                <option key={g} value={g}>
                  {g === 0 ? 'No goal' : `${g} a week`}
                </option>
              ))}
            </select>
          </label>
        </section>
      ) : null}

      <section aria-labelledby="planned-title">
        <h2 id="planned-title">To finish</h2>
        {planned.length === 0 ? (
          <p className="empty">Nothing waiting. After you practise, note how it went here.</p>
        ) : (
          <ul className="planned-list">
            {planned.map((s) => (
              <li key={s.id}>
                <span>{s.task}</span>
                <div className="actions">
                  <button
                    type="button"
                    className="primary"
                    aria-label={`How did it go: ${s.task}`}
                    onClick={() => setFinishing(s)}
                  >
                    How did it go?
                  </button>
                  <button
                    type="button"
                    className="danger"
                    aria-label={`Delete planned practice: ${s.task}`}
                    onClick={() => deleteSession(s)}
                  >
                    Delete
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="ladders-title">
        <h2 id="ladders-title">Fear ladders</h2>
        {ladders.status === 'ready' ? (
          <LadderList
            ladders={ladders.data}
            history={history}
            onPractise={setSeed}
            onEdit={setBuilding}
            onDelete={deleteLadder}
          />
        ) : ladders.status === 'loading' ? (
          <p className="muted">Loading…</p>
        ) : null}
        <LiveError state={ladders} what="your ladders" />
      </section>

      <LiveError state={sessions} what="your practices" />
      <LiveError state={progress} what="your progress" />
      {progress.status === 'ready' ? <ProgressPanel progress={progress.data} /> : null}

      <Dialog
        open={building !== null}
        title={building === 'new' ? 'New fear ladder' : 'Edit fear ladder'}
        size="wide"
        onClose={() => setBuilding(null)}
      >
        {building !== null ? (
          <LadderBuilder
            initial={building === 'new' ? undefined : building}
            save={(input) => rapport().practice.saveLadder(input)}
            onSaved={(l) => {
              const before = building === 'new' ? null : building;
              setBuilding(null);
              toast({
                title: `Saved the ladder “${l.name}” with ${l.steps.length} steps`,
                undo: before
                  ? { run: () => rapport().practice.saveLadder({ id: before.id, fields: ladderFields(before) }) }
                  : { run: () => rapport().practice.deleteLadder({ id: l.id }) },
              });
            }}
          />
        ) : null}
      </Dialog>
      <Dialog open={seed !== null} title="Before you start" size="wide" onClose={() => setSeed(null)}>
        {seed !== null && today ? (
          <PlanForm
            seed={seed}
            today={today}
            ownBehaviours={ownBehaviours}
            onStarted={(session) => {
              setSeed(null);
              toast({
                title: 'Saved. Come back afterwards and note how it went',
                undo: { run: () => rapport().practice.deleteSession({ id: session.id }) },
              });
            }}
          />
        ) : null}
      </Dialog>
      <Dialog open={finishing !== null} title="How did it go?" size="wide" onClose={() => setFinishing(null)}>
        {finishing ? (
          <OutcomeForm
            session={finishing}
            onFinished={() => {
              setFinishing(null);
              toast({ title: 'Saved. Well done for trying it' });
            }}
          />
        ) : null}
      </Dialog>
    </section>
  );
}

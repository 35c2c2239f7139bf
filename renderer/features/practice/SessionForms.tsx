import { useId, useState, type FormEvent } from 'react';
import { PRACTICE_SITUATION_LABELS, PRACTICE_SITUATIONS } from '../../../shared/content/library.ts';
import type { PracticeSituation } from '../../../shared/content/schema.ts';
import { COMMON_SAFETY_BEHAVIOURS, type PracticeSession } from '../../../shared/domain/practice/model.ts';
import { rapport } from '../../api/rapport.ts';
import { usePeopleList } from '../../api/PeopleProvider.tsx';
import { Field } from '../../ui/Field.tsx';
import { PersonSelect } from '../../ui/PersonSelect.tsx';
import { errorsFrom, SelectField, TextArea, toNumber, type FieldErrors } from './fields.tsx';

/** What the "before" form starts from: a ladder step, a prompt, or nothing (a free practice). */
export interface SessionSeed {
  task?: string;
  situation?: PracticeSituation | undefined;
  ladderId?: string;
  stepId?: string;
  promptId?: string | undefined;
}

const SUDS_HINT = '0 is calm, 10 is the most anxious you can imagine.';

/** Before a practice: the task, how anxious you feel, and what you predict will happen. */
export function BeforeForm({
  seed,
  today,
  onStarted,
}: {
  seed: SessionSeed;
  today: string;
  onStarted: (session: PracticeSession) => void;
}) {
  const [task, setTask] = useState(seed.task ?? '');
  const [situation, setSituation] = useState<PracticeSituation>(seed.situation ?? 'corridor-small-talk');
  const [sudsBefore, setSudsBefore] = useState('');
  const [prediction, setPrediction] = useState('');
  const [likelihood, setLikelihood] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { task: _t, situation: _s, ...links } = seed;
    const result = await rapport().practice.startSession({
      ...Object.fromEntries(Object.entries(links).filter(([, v]) => v !== undefined)),
      date: today,
      task,
      situation,
      sudsBefore: toNumber(sudsBefore),
      prediction,
      likelihood: toNumber(likelihood),
    });
    if (!result.ok) return setErrors(errorsFrom(result.error.details, result.error.message));
    onStarted(result.value);
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <TextArea label="What will you do?" value={task} error={errors.task} onChange={(e) => setTask(e.target.value)} />
      <SelectField label="Situation" value={situation} onChange={(v) => setSituation(v as PracticeSituation)}>
        {PRACTICE_SITUATIONS.map((s) => (
          <option key={s} value={s}>
            {PRACTICE_SITUATION_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <Field
        label="Anxiety now (0–10)"
        hint={SUDS_HINT}
        type="number"
        min={0}
        max={10}
        inputMode="numeric"
        value={sudsBefore}
        error={errors.sudsBefore}
        onChange={(e) => setSudsBefore(e.target.value)}
      />
      <TextArea
        label="What do you expect will happen?"
        hint="The thing you are worried about, in a sentence."
        value={prediction}
        error={errors.prediction}
        onChange={(e) => setPrediction(e.target.value)}
      />
      <Field
        label="How likely does that feel? (0–100 %)"
        type="number"
        min={0}
        max={100}
        inputMode="numeric"
        value={likelihood}
        error={errors.likelihood}
        onChange={(e) => setLikelihood(e.target.value)}
      />
      {errors.form ? (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="dialog-footer">
        <button type="submit" className="primary">
          Save and go
        </button>
      </div>
    </form>
  );
}

/** Afterwards: how anxious you got, what happened, what you learned, what you did without. */
export function AfterForm({
  session,
  onFinished,
}: {
  session: PracticeSession;
  onFinished: (session: PracticeSession) => void;
}) {
  const id = useId();
  const people = usePeopleList();
  const [sudsPeak, setSudsPeak] = useState('');
  const [sudsAfter, setSudsAfter] = useState('');
  const [outcome, setOutcome] = useState('');
  const [happened, setHappened] = useState<'' | 'yes' | 'no'>('');
  const [learned, setLearned] = useState('');
  const [dropped, setDropped] = useState<string[]>([]);
  const [otherDropped, setOtherDropped] = useState('');
  const [contactId, setContactId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!happened) return setErrors({ predictionHappened: 'Choose yes or no' });
    const others = otherDropped
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const result = await rapport().practice.finishSession({
      id: session.id,
      after: {
        sudsPeak: toNumber(sudsPeak),
        sudsAfter: toNumber(sudsAfter),
        outcome,
        predictionHappened: happened === 'yes',
        learned,
        droppedSafetyBehaviours: [...dropped, ...others],
        ...(contactId ? { contactId } : {}),
      },
    });
    if (!result.ok) return setErrors(errorsFrom(result.error.details, result.error.message, ['after']));
    onFinished(result.value);
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <p className="lead">{session.task}</p>
      <div className="row">
        <Field
          label="Anxiety at its highest (0–10)"
          type="number"
          min={0}
          max={10}
          inputMode="numeric"
          value={sudsPeak}
          error={errors.sudsPeak}
          onChange={(e) => setSudsPeak(e.target.value)}
        />
        <Field
          label="Anxiety now (0–10)"
          type="number"
          min={0}
          max={10}
          inputMode="numeric"
          value={sudsAfter}
          error={errors.sudsAfter}
          onChange={(e) => setSudsAfter(e.target.value)}
        />
      </div>
      <TextArea
        label="What actually happened?"
        value={outcome}
        error={errors.outcome}
        onChange={(e) => setOutcome(e.target.value)}
      />
      <fieldset aria-describedby={`${id}-prediction`}>
        <legend>Did what you expected happen?</legend>
        <p id={`${id}-prediction`} className="field-hint">
          You expected: {session.prediction} ({session.likelihood}% likely)
        </p>
        <label>
          <input
            type="radio"
            name={`${id}-happened`}
            checked={happened === 'yes'}
            onChange={() => setHappened('yes')}
          />{' '}
          Yes
        </label>{' '}
        <label>
          <input type="radio" name={`${id}-happened`} checked={happened === 'no'} onChange={() => setHappened('no')} />{' '}
          No
        </label>
        {errors.predictionHappened ? (
          <p className="field-error" role="alert">
            {errors.predictionHappened}
          </p>
        ) : null}
      </fieldset>
      <TextArea
        label="What did you learn?"
        value={learned}
        error={errors.learned}
        onChange={(e) => setLearned(e.target.value)}
      />
      <fieldset>
        <legend>Which safety behaviours did you drop?</legend>
        <p className="field-hint">
          Things people do to feel safer that also keep the worry going. Tick any you managed without.
        </p>
        {COMMON_SAFETY_BEHAVIOURS.map((b) => (
          <label key={b} className="check">
            <input
              type="checkbox"
              checked={dropped.includes(b)}
              onChange={(e) => setDropped(e.target.checked ? [...dropped, b] : dropped.filter((x) => x !== b))}
            />{' '}
            {b}
          </label>
        ))}
        <Field
          label="Anything else (separate with commas)"
          value={otherDropped}
          onChange={(e) => setOtherDropped(e.target.value)}
        />
      </fieldset>
      <div className="field">
        <PersonSelect
          label="Was this with someone in Rapport? (optional)"
          people={people}
          value={contactId}
          onChange={setContactId}
          emptyLabel="No one in particular"
          showLabel
        />
        <p className="field-hint">Choosing someone logs an interaction with them.</p>
        {errors.contactId ? (
          <p className="field-error" role="alert">
            {errors.contactId}
          </p>
        ) : null}
      </div>
      {errors.form ? (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="dialog-footer">
        <button type="submit" className="primary">
          Save how it went
        </button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { PRACTICE_SITUATION_LABELS, PRACTICE_SITUATIONS } from '../../../shared/content/library.ts';
import { PracticeSituation } from '../../../shared/content/schema.ts';
import type { PracticeSession } from '../../../shared/domain/practice/model.ts';
import { COMMON_SAFETY_BEHAVIOURS } from '../../../shared/domain/practice/safety-behaviours.ts';
import { rapport } from '../../api/rapport.ts';
import { ScoreField } from '../../ui/ScoreField.tsx';
import { errorsFrom, SafetyNote, SelectField, TextArea, toNumber, type FieldErrors } from './fields.tsx';
import { SafetyBehaviourPicker } from './SafetyBehaviourPicker.tsx';
import { FormError } from '../../ui/Field.tsx';
import { RestoredDraft } from '../../ui/drafts/RestoredDraft.tsx';
import { useDraft } from '../../ui/drafts/useDraft.ts';
import { useFocusFirstError } from '../../ui/useFocusFirstError.ts';
import { DraftText } from '../../ui/drafts/draft-store.ts';

/** What the plan starts from: a ladder step, a prompt, or nothing (a free practice). */
export interface SessionSeed {
  task?: string;
  situation?: PracticeSituation | undefined;
  ladderId?: string;
  stepId?: string;
  promptId?: string | undefined;
}

/** What the plan form holds until the session starts (kept as a draft). */
const PlanDraft = z.object({
  task: DraftText,
  situation: PracticeSituation,
  sudsBefore: z.string().max(10),
  prediction: DraftText,
  belief: z.string().max(10),
  drops: z.array(z.string().max(200)).max(100),
});
type PlanDraft = z.infer<typeof PlanDraft>;

export const SUDS_HINT = '0 is calm, 10 is the most anxious you can imagine.';

/**
 * Before a practice: the step is planned as a small experiment. The prediction must be something
 * that can be answered yes or no afterwards, its belief is rated, and the safety behaviours to do
 * without are chosen now, not afterwards.
 */
export function PlanForm({
  seed,
  today,
  ownBehaviours,
  onStarted,
}: {
  seed: SessionSeed;
  today: string;
  /** Behaviours the user named in earlier plans, offered beside the common ones. */
  ownBehaviours: readonly string[];
  onStarted: (session: PracticeSession) => void;
}) {
  const { task: seededTask, situation: seededSituation, ...links } = seed;
  const blank: PlanDraft = {
    task: seededTask ?? '',
    situation: seededSituation ?? 'corridor-small-talk',
    sudsBefore: '',
    prediction: '',
    belief: '',
    drops: [],
  };
  const draft = useDraft(`practice-plan:${JSON.stringify(links)}`, blank, PlanDraft);
  const { task, situation, sudsBefore, prediction, belief, drops } = draft.values;
  const setTask = draft.setter('task');
  const setSituation = draft.setter('situation');
  const setSudsBefore = draft.setter('sudsBefore');
  const setPrediction = draft.setter('prediction');
  const setBelief = draft.setter('belief');
  const setDrops = draft.setter('drops');
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useFocusFirstError(errors);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await rapport().practice.startSession({
      ...Object.fromEntries(Object.entries(links).filter(([, v]) => v !== undefined)),
      date: today,
      task,
      situation,
      sudsBefore: toNumber(sudsBefore),
      prediction,
      beliefBefore: toNumber(belief),
      safetyBehavioursToDrop: drops,
    });
    if (!result.ok) return setErrors(errorsFrom(result.error.details, result.error.message));
    draft.discard();
    onStarted(result.value);
  }

  return (
    <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} noValidate>
      <RestoredDraft draft={draft} alsoClear={() => setErrors({})} />
      <TextArea label="What will you do?" value={task} error={errors.task} onChange={(e) => setTask(e.target.value)} />
      <SelectField label="Situation" value={situation} onChange={(v) => setSituation(v as PracticeSituation)}>
        {PRACTICE_SITUATIONS.map((s) => (
          <option key={s} value={s}>
            {PRACTICE_SITUATION_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <ScoreField
        label="Anxiety now (0–10)"
        hint={SUDS_HINT}
        max={10}
        value={sudsBefore}
        error={errors.sudsBefore}
        onValue={setSudsBefore}
      />
      <TextArea
        label="What do you predict will happen?"
        hint="Something you can answer yes or no afterwards, like “They will walk away within a minute” rather than “It will be awkward”."
        value={prediction}
        error={errors.prediction}
        onChange={(e) => setPrediction(e.target.value)}
      />
      <ScoreField
        label="How strongly do you believe it will happen? (0–100 %)"
        hint="0 is “it won’t happen”, 100 is “I’m certain it will”."
        max={100}
        value={belief}
        error={errors.beliefBefore}
        onValue={setBelief}
      />
      <SafetyBehaviourPicker
        legend="Which safety behaviours will you drop?"
        hint="Things people do to feel safer that also keep the worry going. Choose now the ones you will do without this time; then you will know it went the way it did without them."
        options={[...COMMON_SAFETY_BEHAVIOURS, ...ownBehaviours]}
        chosen={drops}
        onChange={setDrops}
        allowOwn
        error={errors.safetyBehavioursToDrop}
      />
      <SafetyNote>
        If it turns out to be too much, it’s fine to stop. Step back a rung and build up again from there.
      </SafetyNote>
      <FormError error={errors.form} />
      <div className="dialog-footer">
        <button type="submit" className="primary">
          Save and go
        </button>
      </div>
    </form>
  );
}

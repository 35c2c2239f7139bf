import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import type { PracticeSession, Stayed } from '../../../shared/domain/practice/model.ts';
import type { RequestInput } from '../../../shared/ipc/contract.ts';
import { rapport } from '../../api/rapport.ts';
import { ScoreField } from '../../ui/ScoreField.tsx';
import { PersonSelect } from '../../ui/PersonSelect.tsx';
import {
  ChoiceGroup,
  errorsFrom,
  PROFESSIONAL_HELP,
  SafetyNote,
  TextArea,
  toNumber,
  type FieldErrors,
} from './fields.tsx';
import { SafetyBehaviourPicker } from './SafetyBehaviourPicker.tsx';
import { FormError } from '../../ui/Field.tsx';
import { RestoredDraft } from '../../ui/drafts/RestoredDraft.tsx';
import { useDraft } from '../../ui/drafts/useDraft.ts';
import { useFocusFirstError } from '../../ui/useFocusFirstError.ts';
import { DraftText } from '../../ui/drafts/draft-store.ts';

const STAYED: { value: Stayed; label: string }[] = [
  { value: 'until-done', label: 'I stayed until it was done' },
  { value: 'left-early', label: 'I left early' },
];
type AfterInput = RequestInput<'practice.finishSession'>['after'];
/** The answers as the form holds them: the two choices may still be unanswered. */
type AfterDraft = Omit<AfterInput, 'stayed' | 'predictionHappened'> &
  Partial<Pick<AfterInput, 'stayed' | 'predictionHappened'>>;

const OutcomeDraft = z.object({
  sudsPeak: z.string().max(10),
  sudsEnd: z.string().max(10),
  stayed: z.enum(['', 'until-done', 'left-early']),
  outcome: DraftText,
  happened: z.enum(['', 'yes', 'no']),
  coping: DraftText,
  belief: z.string().max(10),
  learned: DraftText,
  dropped: z.array(z.string().max(200)).max(100),
  contactId: z.string().max(200),
});
const BLANK_OUTCOME: z.infer<typeof OutcomeDraft> = {
  sudsPeak: '',
  sudsEnd: '',
  stayed: '',
  outcome: '',
  happened: '',
  coping: '',
  belief: '',
  learned: '',
  dropped: [],
  contactId: '',
};

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;

/**
 * Afterwards: the experiment's result. Anxiety at its highest and at the end of the step (not
 * now), whether the user stayed, what happened, whether the prediction came true (and if so how
 * they coped), the belief re-rated, and which planned safety behaviours they managed without.
 */
export function OutcomeForm({
  session,
  onFinished,
}: {
  session: PracticeSession;
  onFinished: (session: PracticeSession) => void;
}) {
  // The answers are kept as a draft until the session is finished: reflections take a while to write.
  const draft = useDraft(`practice-outcome:${session.id}`, BLANK_OUTCOME, OutcomeDraft);
  const { sudsPeak, sudsEnd, stayed, outcome, happened, coping, belief, learned, dropped, contactId } = draft.values;
  const setSudsPeak = draft.setter('sudsPeak');
  const setSudsEnd = draft.setter('sudsEnd');
  const setStayed = draft.setter('stayed');
  const setOutcome = draft.setter('outcome');
  const setHappened = draft.setter('happened');
  const setCoping = draft.setter('coping');
  const setBelief = draft.setter('belief');
  const setLearned = draft.setter('learned');
  const setDropped = draft.setter('dropped');
  const setContactId = draft.setter('contactId');
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useFocusFirstError(errors);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Unanswered choices go to main as missing, so every unanswered question is named in one go.
    const after: AfterDraft = {
      sudsPeak: toNumber(sudsPeak),
      sudsEnd: toNumber(sudsEnd),
      stayed: stayed || undefined,
      outcome,
      predictionHappened: happened ? happened === 'yes' : undefined,
      coping: happened === 'yes' ? coping : '',
      beliefAfter: toNumber(belief),
      learned,
      droppedSafetyBehaviours: dropped,
      ...(contactId ? { contactId } : {}),
    };
    const result = await rapport().practice.finishSession({ id: session.id, after: after as AfterInput });
    if (!result.ok) return setErrors(errorsFrom(result.error.details, result.error.message, ['after']));
    draft.discard();
    onFinished(result.value);
  }

  return (
    <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} noValidate>
      <RestoredDraft draft={draft} alsoClear={() => setErrors({})} />
      <p className="lead">{session.task}</p>
      <p className="notice">
        You predicted: “{session.prediction}”. Beforehand you believed it {session.beliefBefore}%.
      </p>
      <div className="row">
        <ScoreField
          label="Anxiety at its highest (0–10)"
          max={10}
          value={sudsPeak}
          error={errors.sudsPeak}
          onValue={setSudsPeak}
        />
        <ScoreField
          label="Anxiety at the end of the step (0–10)"
          hint="How you felt as the step finished, not how you feel now."
          max={10}
          value={sudsEnd}
          error={errors.sudsEnd}
          onValue={setSudsEnd}
        />
      </div>
      <ChoiceGroup
        legend="Did you stay until the step was done?"
        name="stayed"
        value={stayed}
        options={STAYED}
        onChange={setStayed}
        hint="Leaving early is worth knowing too: it tells you where to pick up next time."
        error={errors.stayed}
      />
      <TextArea
        label="What actually happened?"
        value={outcome}
        error={errors.outcome}
        onChange={(e) => setOutcome(e.target.value)}
      />
      <ChoiceGroup
        legend="Did your prediction come true?"
        name="happened"
        value={happened}
        options={YES_NO}
        onChange={setHappened}
        error={errors.predictionHappened}
      />
      {happened === 'yes' ? (
        <TextArea
          label="How did you cope?"
          hint="What you did and how it turned out. Getting through it is worth knowing too."
          value={coping}
          error={errors.coping}
          onChange={(e) => setCoping(e.target.value)}
        />
      ) : null}
      <ScoreField
        label="How strongly do you believe the prediction now? (0–100 %)"
        hint={`Beforehand you believed it ${session.beliefBefore}%.`}
        max={100}
        value={belief}
        error={errors.beliefAfter}
        onValue={setBelief}
      />
      <TextArea
        label="What did you learn?"
        value={learned}
        error={errors.learned}
        onChange={(e) => setLearned(e.target.value)}
      />
      {session.safetyBehavioursToDrop.length ? (
        <SafetyBehaviourPicker
          legend="Which safety behaviours did you manage without?"
          hint="You planned to drop these. Tick the ones you did without."
          options={session.safetyBehavioursToDrop}
          chosen={dropped}
          onChange={setDropped}
          error={errors.droppedSafetyBehaviours}
        />
      ) : null}
      <div className="field">
        <PersonSelect
          label="Was this with someone in Rapport? (optional)"
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
      <SafetyNote>
        If that was too much, step back a rung next time and repeat an easier step until it feels manageable.{' '}
        {PROFESSIONAL_HELP}
      </SafetyNote>
      <FormError error={errors.form} />
      <div className="dialog-footer">
        <button type="submit" className="primary">
          Save how it went
        </button>
      </div>
    </form>
  );
}

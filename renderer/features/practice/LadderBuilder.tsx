import { ArrowDown, ArrowUp } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { PRACTICE_SITUATION_LABELS, PRACTICE_SITUATIONS, practicePrompts } from '../../../shared/content/library.ts';
import { PracticeSituation } from '../../../shared/content/schema.ts';
import type { Ladder, LadderStep } from '../../../shared/domain/practice/model.ts';
import type { RequestInput } from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/ipc/result.ts';
import { RestoredDraft } from '../../ui/drafts/RestoredDraft.tsx';
import { useDraft } from '../../ui/drafts/useDraft.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { ScoreField } from '../../ui/ScoreField.tsx';
import { errorsFrom, SelectField, toNumber, type FieldErrors } from './fields.tsx';
import { useFocusFirstError } from '../../ui/useFocusFirstError.ts';
import { DraftText } from '../../ui/drafts/draft-store.ts';

/** A step while it is being edited: the anxiety rating is the input's text until saved. */
type DraftStep = Omit<LadderStep, 'id' | 'suds'> & { id?: string; key: string; suds: string };

export interface LadderBuilderProps {
  initial?: Ladder | undefined;
  save: (input: RequestInput<'practice.saveLadder'>) => Promise<Result<Ladder>>;
  onSaved: (ladder: Ladder) => void;
}

/** Saved steps are keyed by their id; new ones by a key that a restored draft cannot repeat. */
const keyed = (step: Omit<DraftStep, 'key'>): DraftStep => ({ ...step, key: crypto.randomUUID() });

const LadderDraft = z.object({
  name: z.string().max(1000),
  steps: z
    .array(
      z.object({
        id: z.string().max(100).optional(),
        key: z.string().max(100),
        text: DraftText,
        suds: z.string().max(10),
        promptId: z.string().max(80).optional(),
        situation: PracticeSituation.optional(),
      }),
    )
    .max(100),
  /** A step of your own being written, not added yet. */
  ownText: DraftText,
});

/**
 * Builds a fear ladder: steps from the prompt library or written by hand, each with the anxiety
 * you expect (0–10), in an order you choose. Reordering uses plain buttons so it works from the
 * keyboard; focus stays on the moved step's button and a live region says where it went.
 */
export function LadderBuilder({ initial, save, onSaved }: LadderBuilderProps) {
  const id = useId();
  // Kept as a draft until saved; an edit's draft only while the ladder is as it was.
  const draft = useDraft(
    initial ? `ladder:${initial.id}` : 'ladder:new',
    {
      name: initial?.name ?? '',
      steps: (initial?.steps ?? []).map(({ suds, ...s }) => ({ ...s, key: s.id, suds: String(suds) })),
      ownText: '',
    },
    LadderDraft,
  );
  const { name, steps, ownText } = draft.values;
  const setName = draft.setter('name');
  const setSteps = draft.setter('steps');
  const setOwnText = draft.setter('ownText');
  const [situation, setSituation] = useState<PracticeSituation>('corridor-small-talk');
  const [promptId, setPromptId] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  /** Messages for one step's fields, by the step's key and field ("k3:suds"), so they follow the step. */
  const [stepErrors, setStepErrors] = useState<Record<string, string>>({});
  // One object per change of either, so focus moves after a failed save, not on every render.
  const allErrors = useMemo(() => ({ ...errors, ...stepErrors }), [errors, stepErrors]);
  const formRef = useFocusFirstError(allErrors);
  const refocus = useRef<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!refocus.current) return;
    const target =
      refocus.current === 'name'
        ? nameRef.current
        : list.current?.querySelector<HTMLButtonElement>(`[data-focus="${refocus.current}"]`);
    target?.focus();
    refocus.current = null;
  });

  const prompts = practicePrompts().filter((p) => p.situation === situation);
  const label = (i: number) => `step ${i + 1}`;

  function add(step: Omit<DraftStep, 'key'>) {
    setSteps((s) => [...s, keyed(step)]);
    // "Add at least one step" is answered now.
    setErrors(({ steps: _answered, ...rest }) => rest);
    // A step that ends its own sentence ("…afterwards.") gets no second full stop.
    const said = /[.!?]$/.test(step.text.trim()) ? step.text.trim() : `${step.text.trim()}.`;
    setAnnouncement(`Added step ${steps.length + 1}: ${said} Rate how anxious it would make you.`);
  }
  function addOwn() {
    if (!ownText.trim()) return;
    add({ text: ownText.trim(), suds: '' });
    setOwnText('');
  }
  function move(index: number, by: -1 | 1) {
    const to = index + by;
    if (to < 0 || to >= steps.length) return;
    const next = [...steps];
    const [step] = next.splice(index, 1);
    next.splice(to, 0, step!);
    setSteps(next);
    // Keep focus on the same control of the moved step; if it hit an end, use the other direction.
    const dir = (by === -1 && to === 0) || (by === 1 && to === steps.length - 1) ? -by : by;
    refocus.current = `${step!.key}:${dir === -1 ? 'up' : 'down'}`;
    setAnnouncement(`Moved “${step!.text}” to position ${to + 1} of ${steps.length}.`);
  }
  function remove(index: number) {
    setAnnouncement(`Removed “${steps[index]!.text}”.`);
    setSteps(steps.filter((_, i) => i !== index));
    // The button goes with its step: focus moves to the Remove of the step now in its place (or the
    // one before it), or the ladder's name when none is left, never to the dialog itself.
    const next = steps[index + 1] ?? steps[index - 1];
    refocus.current = next ? `${next.key}:remove` : 'name';
  }
  function sortByAnxiety() {
    // Steps not rated yet go last, in the order they were in.
    const rating = (s: DraftStep) => (Number.isNaN(toNumber(s.suds)) ? Infinity : toNumber(s.suds));
    setSteps([...steps].sort((a, b) => rating(a) - rating(b)));
    setAnnouncement('Sorted from least to most anxious.');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields = { name, steps: steps.map(({ key: _key, suds, ...s }) => ({ ...s, suds: toNumber(suds) })) };
    const result = await save({ ...(initial ? { id: initial.id } : {}), fields });
    if (result.ok) {
      draft.discard();
      return onSaved(result.value);
    }
    const details = result.error.details ?? [];
    const perStep = details.filter((d) => d.path[1] === 'steps' && typeof d.path[2] === 'number');
    setStepErrors(
      Object.fromEntries(perStep.map((d) => [`${steps[d.path[2] as number]?.key}:${String(d.path[3])}`, d.message])),
    );
    const rest = details.filter((d) => !perStep.includes(d));
    setErrors(errorsFrom(rest, perStep.length ? '' : result.error.message, ['fields']));
  }

  return (
    <form ref={formRef} className="form ladder-builder" onSubmit={(e) => void submit(e)} noValidate>
      <RestoredDraft
        draft={draft}
        alsoClear={() => {
          setErrors({});
          setStepErrors({});
        }}
      />
      <Field
        ref={nameRef}
        label="Ladder name"
        value={name}
        error={errors.name}
        placeholder="e.g. Speaking up at meet-ups"
        onChange={(e) => {
          setName(e.target.value);
          if (e.target.value.trim()) setErrors(({ name: _answered, ...rest }) => rest);
        }}
      />
      <h3 id={`${id}-steps`}>Steps, easiest first</h3>
      <p className="field-hint">
        Rate each step yourself: how anxious you think it would make you, from 0 (calm) to 10. The library’s difficulty
        is how hard a step is for most people, not your number.
      </p>
      {steps.length === 0 ? (
        <p className="empty">
          No steps yet. One is enough to start; three or more make a ladder, from a small one you could do today to a
          bigger one.
        </p>
      ) : null}
      <ol ref={list} className="ladder-steps" aria-labelledby={`${id}-steps`}>
        {steps.map((step, i) => (
          <li key={step.key}>
            <div className="row">
              <Field
                label={`Step ${i + 1}`}
                value={step.text}
                error={stepErrors[`${step.key}:text`]}
                onChange={(e) => setSteps(steps.map((s) => (s.key === step.key ? { ...s, text: e.target.value } : s)))}
              />
              <ScoreField
                label={`Expected anxiety, step ${i + 1} (0–10)`}
                max={10}
                value={step.suds}
                error={stepErrors[`${step.key}:suds`]}
                onValue={(value) => setSteps(steps.map((s) => (s.key === step.key ? { ...s, suds: value } : s)))}
              />
            </div>
            <div className="actions">
              <button
                type="button"
                data-focus={`${step.key}:up`}
                aria-label={`Move ${label(i)} up`}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                <ArrowUp size={14} aria-hidden /> Up
              </button>
              <button
                type="button"
                data-focus={`${step.key}:down`}
                aria-label={`Move ${label(i)} down`}
                disabled={i === steps.length - 1}
                onClick={() => move(i, 1)}
              >
                <ArrowDown size={14} aria-hidden /> Down
              </button>
              <button
                type="button"
                className="danger"
                data-focus={`${step.key}:remove`}
                aria-label={`Remove ${label(i)}`}
                onClick={() => remove(i)}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      {errors.steps ? (
        <p className="field-error" role="alert">
          {errors.steps}
        </p>
      ) : null}
      {steps.length > 1 ? (
        <button type="button" onClick={sortByAnxiety}>
          Sort by expected anxiety
        </button>
      ) : null}

      <fieldset>
        <legend>Add a step from the library</legend>
        <div className="row">
          <SelectField
            label="Situation"
            value={situation}
            onChange={(v) => {
              setSituation(v as PracticeSituation);
              setPromptId('');
            }}
          >
            {PRACTICE_SITUATIONS.map((s) => (
              <option key={s} value={s}>
                {PRACTICE_SITUATION_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Prompt" value={promptId} onChange={setPromptId}>
            <option value="">Choose a prompt…</option>
            {prompts.map((p) => (
              <option key={p.id} value={p.id}>{`${p.text} (difficulty ${p.difficulty})`}</option>
            ))}
          </SelectField>
        </div>
        <button
          type="button"
          disabled={!promptId}
          onClick={() => {
            const p = practicePrompts().find((x) => x.id === promptId);
            // Never pre-filled from the library's difficulty: someone else's number anchors the user's own.
            if (p) add({ text: p.text, suds: '', promptId: p.id, situation: p.situation });
            setPromptId('');
          }}
        >
          Add prompt
        </button>
      </fieldset>
      <fieldset>
        <legend>Or write your own step</legend>
        <div className="row">
          <Field
            label="Your step"
            value={ownText}
            placeholder="e.g. Ask one question after the talk"
            onChange={(e) => setOwnText(e.target.value)}
            onKeyDown={(e) => {
              // Enter adds the step (as the button beside it does) instead of saving the ladder.
              if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
              e.preventDefault();
              addOwn();
            }}
          />
          <button type="button" disabled={!ownText.trim()} onClick={addOwn}>
            Add step
          </button>
        </div>
      </fieldset>
      <FormError error={errors.form} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="dialog-footer">
        <button type="submit" className="primary">
          Save ladder
        </button>
      </div>
    </form>
  );
}

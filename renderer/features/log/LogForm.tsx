import { useEffect, useId, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { Detail } from '../../../shared/domain/detail.ts';
import { Favour, INTERACTION_LABELS, InteractionType, type Interaction } from '../../../shared/domain/interaction.ts';
import type { PersonListItem } from '../../../shared/domain/views.ts';
import { LogInteractionInput } from '../../../shared/ipc/contract.ts';
import { toFieldIssues, type FieldIssue, type Result } from '../../../shared/ipc/result.ts';
import { AskAboutChips } from '../person/AskAboutChips.tsx';
import { PeoplePicker, type PickedPeople } from './PeoplePicker.tsx';

export interface LogFormProps {
  people: readonly Pick<PersonListItem, 'id' | 'displayName' | 'organisation'>[];
  /** `YYYY-MM-DD`: the default date. */
  today: string;
  initialPeople?: string[];
  initialNotes?: string | undefined;
  submit: (input: z.input<typeof LogInteractionInput>) => Promise<Result<Interaction>>;
  loadOpenDetails: (contactIds: string[]) => Promise<Detail[]>;
  resolveDetail: (id: string) => Promise<unknown>;
  onLogged: (interaction: Interaction) => void;
}

type DetailRow = { text: string; sensitivity: 'normal' | 'private' | 'sensitive'; followUpOn: string };
const FAVOUR_LABELS: Record<Favour, string> = {
  intro: 'Intro',
  advice: 'Advice',
  referral: 'Referral',
  favour: 'Favour',
  information: 'Information',
  congratulations: 'Congratulations',
};

function firstErrors(issues: FieldIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key =
      issue.path[0] === 'interaction'
        ? String(issue.path[1] ?? 'form')
        : issue.path[0] === 'details'
          ? 'details'
          : issue.path[0] === 'newPeople'
            ? 'contactIds'
            : 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Log a coffee, call or any interaction, with what was given or asked and what to remember. */
export function LogForm({
  people,
  today,
  initialPeople = [],
  initialNotes = '',
  submit,
  loadOpenDetails,
  resolveDetail,
  onLogged,
}: LogFormProps) {
  const id = useId();
  const [picked, setPicked] = useState<PickedPeople>({ ids: initialPeople, newNames: [] });
  const [type, setType] = useState<InteractionType>('coffee');
  const [date, setDate] = useState(today);
  const [time, setTime] = useState('');
  const [notes, setNotes] = useState(initialNotes);
  const [initiatedBy, setInitiatedBy] = useState<'' | 'me' | 'them' | 'both'>('');
  const [gave, setGave] = useState<Favour[]>([]);
  const [asked, setAsked] = useState<Favour[]>([]);
  const [mutual, setMutual] = useState(false);
  const [details, setDetails] = useState<DetailRow[]>([{ text: '', sensitivity: 'normal', followUpOn: '' }]);
  const [askAbout, setAskAbout] = useState<Detail[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const pickedKey = picked.ids.join(',');
  useEffect(() => {
    let current = true;
    void loadOpenDetails(pickedKey ? pickedKey.split(',') : []).then((d) => current && setAskAbout(d));
    return () => {
      current = false;
    };
  }, [pickedKey, loadOpenDetails]);

  const toggle = (list: Favour[], set: (v: Favour[]) => void, f: Favour) =>
    set(list.includes(f) ? list.filter((x) => x !== f) : [...list, f]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = {
      interaction: {
        type,
        date,
        ...(time ? { time } : {}),
        contactIds: picked.ids,
        ...(notes.trim() ? { notes } : {}),
        ...(initiatedBy ? { initiatedBy } : {}),
        gave,
        asked,
        mutual,
      },
      newPeople: picked.newNames,
      details: details
        .filter((d) => d.text.trim())
        .map((d) => ({
          text: d.text,
          sensitivity: d.sensitivity,
          ...(d.followUpOn ? { followUpOn: d.followUpOn } : {}),
        })),
    };
    const parsed = LogInteractionInput.safeParse(input);
    if (!parsed.success) return setErrors(firstErrors(toFieldIssues(parsed.error)));
    setSaving(true);
    const result = await submit(input);
    setSaving(false);
    if (!result.ok)
      return setErrors(result.error.details ? firstErrors(result.error.details) : { form: result.error.message });
    onLogged(result.value);
  }

  return (
    <form className="log-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <PeoplePicker people={people} value={picked} onChange={setPicked} error={errors.contactIds} />
      {askAbout.length ? (
        <AskAboutChips
          details={askAbout}
          onResolve={async (detail) => {
            await resolveDetail(detail.id);
            setAskAbout((list) => list.filter((d) => d.id !== detail.id));
          }}
        />
      ) : null}
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-type`}>What</label>
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as InteractionType)}>
            {InteractionType.options.map((t) => (
              <option key={t} value={t}>
                {INTERACTION_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>Date</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            max="9999-12-31"
            aria-invalid={errors.date ? true : undefined}
            onChange={(e) => setDate(e.target.value)}
          />
          {errors.date ? (
            <p className="field-error" role="alert">
              {errors.date}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-time`}>Time (optional)</label>
          <input id={`${id}-time`} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-initiated`}>Who reached out</label>
          <select
            id={`${id}-initiated`}
            value={initiatedBy}
            onChange={(e) => setInitiatedBy(e.target.value as typeof initiatedBy)}
          >
            <option value="">Not recorded</option>
            <option value="me">I did</option>
            <option value="them">They did</option>
            <option value="both">Both / arranged together</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>Notes</label>
        <textarea id={`${id}-notes`} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <fieldset className="favours">
        <legend>I gave</legend>
        {Favour.options.map((f) => (
          <label key={f}>
            <input type="checkbox" checked={gave.includes(f)} onChange={() => toggle(gave, setGave, f)} />{' '}
            {FAVOUR_LABELS[f]}
          </label>
        ))}
      </fieldset>
      <fieldset className="favours">
        <legend>I asked for</legend>
        {Favour.options.map((f) => (
          <label key={f}>
            <input type="checkbox" checked={asked.includes(f)} onChange={() => toggle(asked, setAsked, f)} />{' '}
            {FAVOUR_LABELS[f]}
          </label>
        ))}
        <label>
          <input type="checkbox" checked={mutual} onChange={(e) => setMutual(e.target.checked)} /> A two-way exchange
        </label>
      </fieldset>
      <fieldset>
        <legend>Remember for next time</legend>
        {details.map((d, i) => (
          <div className="row" key={i}>
            <div className="field grow">
              <label htmlFor={`${id}-detail-${i}`}>Detail</label>
              <input
                id={`${id}-detail-${i}`}
                placeholder="e.g. new puppy called Biscuit"
                value={d.text}
                onChange={(e) => setDetails(details.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-sens-${i}`}>Privacy</label>
              <select
                id={`${id}-sens-${i}`}
                value={d.sensitivity}
                onChange={(e) =>
                  setDetails(
                    details.map((x, j) =>
                      j === i ? { ...x, sensitivity: e.target.value as DetailRow['sensitivity'] } : x,
                    ),
                  )
                }
              >
                <option value="normal">Normal</option>
                <option value="private">Private (never in notifications)</option>
                <option value="sensitive">Sensitive (only in this window)</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-follow-${i}`}>Follow up on</label>
              <input
                id={`${id}-follow-${i}`}
                type="date"
                value={d.followUpOn}
                onChange={(e) =>
                  setDetails(details.map((x, j) => (j === i ? { ...x, followUpOn: e.target.value } : x)))
                }
              />
            </div>
          </div>
        ))}
        <button
          type="button"
          onClick={() => setDetails([...details, { text: '', sensitivity: 'normal', followUpOn: '' }])}
        >
          Add another detail
        </button>
        {errors.details ? (
          <p className="field-error" role="alert">
            {errors.details}
          </p>
        ) : null}
      </fieldset>
      {errors.form ? (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Log it'}
        </button>
      </div>
    </form>
  );
}

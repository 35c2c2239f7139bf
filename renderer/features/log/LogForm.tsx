import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { Detail } from '../../../shared/domain/detail.ts';
import {
  INTERACTION_LABELS,
  InteractionType,
  type Favour,
  type Interaction,
} from '../../../shared/domain/interaction.ts';
import { LogInteractionInput } from '../../../shared/ipc/contract.ts';
import { toFieldIssues, type FieldIssue, type Result } from '../../../shared/ipc/result.ts';
import { AskAboutChips } from '../person/AskAboutChips.tsx';
import { DetailRows, EMPTY_DETAIL, type DetailRow } from './DetailRows.tsx';
import { FavourFields } from './FavourFields.tsx';
import { PeoplePicker, type PickedPeople } from './PeoplePicker.tsx';
import { FormError } from '../../ui/Field.tsx';
import { useFocusFirstError } from '../../ui/useFocusFirstError.ts';
import { RestoredDraft } from '../../ui/drafts/RestoredDraft.tsx';
import {
  blankEditDraft,
  blankLogDraft,
  draftKey,
  editDraftKey,
  loadLogDraft,
  saveLogDraft,
  type LogDraftValues,
} from './log-draft.ts';

const FUTURE_DATE = 'That day has not come yet. Log it once it has happened.';

export interface LogFormProps {
  /** `YYYY-MM-DD`: the default date. */
  today: string;
  initialPeople?: string[];
  initialNotes?: string | undefined;
  /** What kind it starts as (a starter for an e-mail opens an e-mail); a coffee when not given. */
  initialType?: InteractionType | undefined;
  /** Editing: the interaction as it is now. New people and details are not offered then. */
  editing?: Interaction | undefined;
  recentlyAdded?: readonly string[];
  submit: (input: z.input<typeof LogInteractionInput>) => Promise<Result<Interaction>>;
  loadOpenDetails: (contactIds: string[]) => Promise<Detail[]>;
  resolveDetail: (id: string) => Promise<unknown>;
  /** `chosen`: the people picked from those already here (the others were added by this log). */
  onLogged: (interaction: Interaction, chosen: readonly string[]) => void;
}

function firstErrors(issues: FieldIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const [head, next] = issue.path;
    const key =
      head === 'interaction' || head === 'fields'
        ? String(next ?? 'form')
        : head === 'details'
          ? 'details'
          : head === 'newPeople'
            ? 'contactIds'
            : 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Log a coffee, call or any interaction (or edit one), with what was given or asked and what to remember. */
export function LogForm({
  today,
  initialPeople = [],
  initialNotes = '',
  initialType,
  editing,
  recentlyAdded,
  submit,
  loadOpenDetails,
  resolveDetail,
  onLogged,
}: LogFormProps) {
  const id = useId();
  // The form starts from what was typed last time it opened this way (a new log with these people
  // and text, or an edit of this interaction) and was not saved; else from how it opens.
  const key = editing ? editDraftKey(editing.id) : draftKey(initialPeople, initialNotes);
  const blank = editing ? blankEditDraft(editing) : blankLogDraft(initialPeople, initialNotes, initialType);
  const defaultDate = editing?.date ?? today;
  const base = editing ? blank : undefined;
  const [restored, setRestored] = useState(() => loadLogDraft(key, base));
  const start = restored ?? blank;
  const [picked, setPicked] = useState<PickedPeople>({ ids: start.ids, newNames: start.newNames });
  const [type, setType] = useState<InteractionType>(start.type);
  const [date, setDate] = useState(start.date ?? defaultDate);
  const [time, setTime] = useState(start.time);
  const [notes, setNotes] = useState(start.notes);
  const [initiatedBy, setInitiatedBy] = useState<'' | 'me' | 'them' | 'both'>(start.initiatedBy);
  const [favours, setFavours] = useState<{ gave: Favour[]; asked: Favour[]; mutual: boolean }>({
    gave: start.gave,
    asked: start.asked,
    mutual: start.mutual,
  });
  const [details, setDetails] = useState<DetailRow[]>(start.details.length ? start.details : [EMPTY_DETAIL]);
  const [askAbout, setAskAbout] = useState<Detail[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(errors);
  const [saving, setSaving] = useState(false);

  const draft: LogDraftValues = {
    ids: picked.ids,
    newNames: picked.newNames,
    type,
    ...(date !== defaultDate ? { date } : {}),
    time,
    notes,
    initiatedBy,
    gave: favours.gave,
    asked: favours.asked,
    mutual: favours.mutual,
    details: details.filter((d) => d.text.trim() || d.followUpOn),
  };
  // Only what differs from how the dialog opened is a draft worth keeping.
  const draftJson = JSON.stringify(draft) === JSON.stringify(blank) ? undefined : JSON.stringify(draft);
  const baseJson = JSON.stringify(base);
  // Opening never writes: a form back as it opened forgets only a draft it wrote or restored, so
  // an edit of the same interaction, changed since, does not wipe the draft typed over the old one.
  const ownsSlot = useRef(restored !== undefined);
  useEffect(() => {
    if (draftJson === undefined && !ownsSlot.current) return;
    ownsSlot.current = draftJson !== undefined;
    const values = draftJson === undefined ? undefined : (JSON.parse(draftJson) as LogDraftValues);
    saveLogDraft(key, values, baseJson === undefined ? undefined : (JSON.parse(baseJson) as LogDraftValues));
  }, [key, draftJson, baseJson]);
  const startOver = () => {
    setRestored(undefined);
    setPicked({ ids: blank.ids, newNames: blank.newNames });
    setType(blank.type);
    setDate(defaultDate);
    setTime(blank.time);
    setNotes(blank.notes);
    setInitiatedBy(blank.initiatedBy);
    setFavours({ gave: blank.gave, asked: blank.asked, mutual: blank.mutual });
    setDetails([EMPTY_DETAIL]);
  };

  const pickedKey = picked.ids.join(',');
  useEffect(() => {
    if (editing) return;
    let current = true;
    void loadOpenDetails(pickedKey ? pickedKey.split(',') : []).then((d) => current && setAskAbout(d));
    return () => {
      current = false;
    };
  }, [pickedKey, loadOpenDetails, editing]);

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
        ...(editing?.title ? { title: editing.title } : {}),
        ...(editing?.eventId ? { eventId: editing.eventId } : {}),
        ...favours,
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
    // The log is of what happened: a day still to come would show as a last contact "in 3 months".
    if (date > today && date !== editing?.date) return setErrors({ date: FUTURE_DATE });
    setSaving(true);
    const result = await submit(input);
    setSaving(false);
    if (!result.ok)
      return setErrors(result.error.details ? firstErrors(result.error.details) : { form: result.error.message });
    saveLogDraft(key, undefined);
    onLogged(result.value, picked.ids);
  }

  return (
    <form ref={formRef} className="form log-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <RestoredDraft draft={{ restored: restored !== undefined, discard: startOver }} />
      <PeoplePicker
        value={picked}
        onChange={(next) => {
          setPicked(next);
          // "Choose at least one person" is answered once someone is chosen.
          if (next.ids.length || next.newNames.length) setErrors(({ contactIds: _answered, ...rest }) => rest);
        }}
        error={errors.contactIds}
        recentlyAdded={recentlyAdded}
        allowNew={!editing}
      />
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
            max={today}
            aria-invalid={errors.date ? true : undefined}
            aria-describedby={errors.date ? `${id}-date-error` : undefined}
            onChange={(e) => setDate(e.target.value)}
          />
          {errors.date ? (
            <p id={`${id}-date-error`} className="field-error" role="alert">
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
      <FavourFields {...favours} onChange={setFavours} />
      {editing ? null : <DetailRows rows={details} onChange={setDetails} error={errors.details} />}
      <FormError error={errors.form} />
      <div className="dialog-footer">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : editing ? 'Save changes' : 'Log it'}
        </button>
      </div>
    </form>
  );
}

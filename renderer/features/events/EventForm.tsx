import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import {
  DEFAULT_GOAL,
  EVENT_KIND_LABELS,
  EventKind,
  type EventDraft,
  type EventFields,
  type EventRecord,
} from '../../../shared/domain/events/model.ts';
import { ISO_DATE_MESSAGE } from '../../../shared/domain/contact.ts';
import type { RapportError } from '../../../shared/ipc/result.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { RestoredDraft } from '../../ui/drafts/RestoredDraft.tsx';
import { useDraft } from '../../ui/drafts/useDraft.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { useFocusFirstError } from '../../ui/useFocusFirstError.ts';
import { DraftText } from '../../ui/drafts/draft-store.ts';

const Values = z.object({
  kind: EventKind,
  name: DraftText,
  startsOn: DraftText,
  endsOn: DraftText,
  startTime: DraftText,
  place: DraftText,
  link: DraftText,
  goal: DraftText,
  introduction: DraftText,
  organisations: DraftText,
  tags: DraftText,
  sessions: DraftText,
  notes: DraftText,
});
type Values = z.infer<typeof Values>;

const list = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

function valuesOf(event: Partial<EventFields> | undefined, today: string): Values {
  return {
    kind: event?.kind ?? 'conference',
    name: event?.name ?? '',
    startsOn: event?.startsOn ?? today,
    endsOn: event?.endsOn ?? '',
    startTime: event?.startTime ?? '',
    place: event?.place ?? '',
    link: event?.link ?? '',
    goal: event?.goal ?? DEFAULT_GOAL,
    introduction: event?.introduction ?? '',
    organisations: (event?.organisations ?? []).join(', '),
    tags: (event?.tags ?? []).join(', '),
    sessions: (event?.sessions ?? []).map((s) => s.date).join(', '),
    notes: event?.notes ?? '',
  };
}

/** Creates an event (blank, or read from an .ics file for review) or edits one. */
export function EventForm({
  initial,
  editing,
  today,
  onSaved,
  onCancel,
}: {
  initial?: Partial<EventFields> | undefined;
  editing?: EventRecord | undefined;
  today: string;
  onSaved: (event: EventRecord) => void;
  onCancel: () => void;
}) {
  // Kept as a draft until saved or cancelled. An edit's draft is tied to the event's fields as the
  // form showed them (not to who is going, set elsewhere); a new one to what it was read from (not
  // to today's date, its default). Each opening has its own slot.
  const draft = useDraft(
    editing ? `event:${editing.id}` : initial ? `event:import:${initial.icsUid ?? initial.name ?? ''}` : 'event:new',
    valuesOf(editing ?? initial, today),
    Values,
    editing ? undefined : (initial ?? null),
  );
  const values = draft.values;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(errors);
  const request = useRequest();
  const set = (field: keyof Values) => (e: { target: { value: string } }) => draft.set({ [field]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const keep = editing ?? initial;
    const fields: EventDraft = {
      kind: values.kind,
      name: values.name,
      startsOn: values.startsOn,
      ...(values.endsOn ? { endsOn: values.endsOn } : {}),
      ...(values.startTime ? { startTime: values.startTime } : {}),
      ...(keep?.endTime ? { endTime: keep.endTime } : {}),
      ...(values.place.trim() ? { place: values.place } : {}),
      ...(values.link.trim() ? { link: values.link.trim() } : {}),
      goal: values.goal,
      ...(values.introduction.trim() ? { introduction: values.introduction } : {}),
      organisations: list(values.organisations),
      tags: list(values.tags),
      sessions: list(values.sessions).map((date) => ({
        date,
        ...(keep?.sessions?.find((s) => s.date === date)?.startTime
          ? { startTime: keep.sessions.find((s) => s.date === date)!.startTime! }
          : {}),
      })),
      ...(values.notes.trim() ? { notes: values.notes } : {}),
      going: editing?.going ?? [],
      ...(editing?.practice ? { practice: editing.practice } : {}),
      ...(keep?.icsUid ? { icsUid: keep.icsUid } : {}),
    };
    const result = await request(
      () => (editing ? rapport().events.update({ id: editing.id, fields }) : rapport().events.create({ fields })),
      { action: 'save the event', onError: (error: RapportError) => setErrors(errorsOf(error)) },
    );
    if (!result.ok) return;
    draft.discard();
    onSaved(result.value);
  }

  return (
    <form ref={formRef} className="form event-form" onSubmit={submit} noValidate>
      <RestoredDraft draft={draft} alsoClear={() => setErrors({})} />
      <div className="row">
        <Field label="Name" required value={values.name} onChange={set('name')} error={errors.name} />
        <div className="field">
          <label htmlFor="event-kind">Kind</label>
          <select id="event-kind" value={values.kind} onChange={set('kind')}>
            {EventKind.options.map((k) => (
              <option key={k} value={k}>
                {EVENT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="row">
        <Field
          label="First day"
          type="date"
          required
          value={values.startsOn}
          onChange={set('startsOn')}
          error={errors.startsOn}
        />
        <Field label="Last day" type="date" value={values.endsOn} onChange={set('endsOn')} error={errors.endsOn} />
        <Field
          label="Starts at"
          type="time"
          value={values.startTime}
          onChange={set('startTime')}
          error={errors.startTime}
        />
      </div>
      {values.kind === 'course' ? (
        <Field
          label="Session dates"
          hint="Each meeting, separated by commas: 2026-04-01, 2026-04-08"
          value={values.sessions}
          onChange={set('sessions')}
          error={errors.sessions ?? errors.date}
        />
      ) : null}
      <div className="row">
        <Field label="Place" value={values.place} onChange={set('place')} error={errors.place} />
        <Field label="Link" type="url" value={values.link} onChange={set('link')} error={errors.link} />
      </div>
      <Field label="Your goal" value={values.goal} onChange={set('goal')} error={errors.goal} />
      <Field
        label="Your one-line introduction"
        hint="How you’ll say who you are, in your own words"
        value={values.introduction}
        onChange={set('introduction')}
        error={errors.introduction}
      />
      <div className="row">
        <Field
          label="Organisations likely there"
          hint="Comma-separated: hosts, sponsors, your employer"
          value={values.organisations}
          onChange={set('organisations')}
        />
        <Field label="Tags of people likely there" hint="Comma-separated" value={values.tags} onChange={set('tags')} />
      </div>
      <div className="field">
        <label htmlFor="event-notes">Notes</label>
        <textarea id="event-notes" rows={3} value={values.notes} onChange={set('notes')} />
      </div>
      <FormError error={errors.form} />
      <div className="actions end">
        <button
          type="button"
          onClick={() => {
            draft.discard();
            onCancel();
          }}
        >
          Cancel
        </button>
        <button type="submit" className="primary">
          Save event
        </button>
      </div>
    </form>
  );
}

/** Date pickers show the computer's own format, so a message about ISO dates would confuse there. */
const DATE_FIELDS = new Set(['startsOn', 'endsOn']);

function errorsOf(error: RapportError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const d of error.details ?? []) {
    const name = String(d.path.find((p) => typeof p === 'string' && p !== 'fields') ?? 'form');
    fields[name] ??= DATE_FIELDS.has(name) && d.message === ISO_DATE_MESSAGE ? 'Choose a date' : d.message;
  }
  if (!Object.keys(fields).length) fields.form = error.message;
  return fields;
}

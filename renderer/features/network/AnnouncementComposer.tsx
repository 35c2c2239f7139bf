import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { Tier } from '../../../shared/domain/contact.ts';
import {
  ANNOUNCEMENT_LABELS,
  type Announcement,
  type AnnouncementKind,
} from '../../../shared/domain/network/outreach.ts';
import { AnnouncementDraftView } from '../../../shared/ipc/channels/network.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { useTierLabels } from '../../api/useTierLabels.ts';
import { usePeopleRefs } from '../../api/usePeoplePick.ts';
import { RestoredDraft } from '../../ui/drafts/RestoredDraft.tsx';
import { useDraft } from '../../ui/drafts/useDraft.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { LiveError } from '../../ui/LiveError.tsx';
import { PersonSelect } from '../../ui/PersonSelect.tsx';
import {
  fieldErrors,
  formFrom,
  purposeOf,
  toRequest,
  AnnouncementForm,
  type FieldErrors,
} from './announcement-form.ts';
import { DraftMessage } from './DraftMessage.tsx';
import { useFocusFirstError } from '../../ui/useFocusFirstError.ts';

/** The messages drafted and what the user made of them: edited, and who they were sent to. */
const Messages = z.object({ drafts: z.array(AnnouncementDraftView).nullable(), sent: z.array(z.string()) });
const NO_MESSAGES: z.infer<typeof Messages> = { drafts: null, sent: [] };

const KINDS = Object.keys(ANNOUNCEMENT_LABELS) as AnnouncementKind[];
const SHOWN_FIELDS = new Set([
  'leaving',
  'next',
  'role',
  'organisation',
  'city',
  'movingOn',
  'name',
  'place',
  'startsOn',
  'endsOn',
  'tags',
  'organisations',
  'signature',
]);

/**
 * Announcement drafts to a segment: what you are announcing, who to (tags, organisations, tiers,
 * people you pick), then one personalised draft each, copied or opened in e-mail one at a time.
 * `initial` prefills it (the events screen passes its event as "I'll be at X").
 */
export function AnnouncementComposer({ initial }: { initial?: Announcement }) {
  const request = useRequest();
  // What is typed stays as a draft for the next visit, and so do the messages drafted from it and
  // the user's edits to them, until every message is sent or Start over.
  const slot = JSON.stringify(initial ?? {});
  const kept = useDraft(`announcement:${slot}`, formFrom(initial), AnnouncementForm);
  const messages = useDraft(`announcement-messages:${slot}`, NO_MESSAGES, Messages);
  const form = kept.values;
  const names = usePeopleRefs(form.contactIds, 'Someone removed');
  const rhythms = useTierLabels();
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useFocusFirstError(errors);
  const { drafts } = messages.values;
  const sent = new Set(messages.values.sent);
  // New drafts appear below the form, often below the fold: focus (and the view) goes to them;
  // drafts restored on opening the screen leave focus where it is.
  const draftsTitle = useRef<HTMLHeadingElement>(null);
  const [timesDrafted, setTimesDrafted] = useState(0);
  useEffect(() => {
    if (timesDrafted) draftsTitle.current?.focus();
  }, [timesDrafted]);
  const set = kept.set;
  const text = (key: keyof AnnouncementForm, label: string, more: { type?: string; hint?: string } = {}) => (
    <Field
      label={label}
      value={form[key] as string}
      error={errors[key === 'eventName' ? 'name' : key]}
      onChange={(e) => set({ [key]: e.target.value })}
      {...more}
    />
  );

  const draft = () => {
    setErrors({});
    void request(() => rapport().network.announcementDrafts(toRequest(form)), {
      action: 'draft the messages',
      onError: (e) => {
        const next = fieldErrors(e.details, e.message);
        // A message for a field this form does not show is shown at the foot of the form instead.
        if (!Object.keys(next).some((k) => SHOWN_FIELDS.has(k))) next.form = e.message;
        setErrors(next);
      },
    }).then((r) => {
      if (!r.ok) return;
      messages.set({ drafts: r.value, sent: [] });
      setTimesDrafted((n) => n + 1);
    });
  };
  const markSent = (d: AnnouncementDraftView) =>
    void request(
      () =>
        rapport().network.markSent({
          contactId: d.person.id,
          subject: d.subject,
          purpose: purposeOf(form.kind, d.opening),
        }),
      {
        action: `log the message to ${d.person.displayName}`,
        success: () => ({ title: `Logged an e-mail to ${d.person.displayName}` }),
      },
    ).then((r) => {
      if (!r.ok) return;
      const nowSent = [...sent, d.person.id];
      messages.set({ sent: nowSent });
      // The announcement is out to everyone: what was typed for it is no longer a draft to bring back.
      if (drafts?.every((m) => nowSent.includes(m.person.id))) {
        kept.forget();
        messages.forget();
      }
    });
  const edit = (id: string, body: string) =>
    messages.setter('drafts')((all) => all?.map((m) => (m.person.id === id ? { ...m, body } : m)) ?? null);

  return (
    <div className="stack">
      <form
        ref={formRef}
        className="stack announcement-form"
        onSubmit={(e) => {
          e.preventDefault();
          draft();
        }}
      >
        <RestoredDraft
          draft={{
            restored: kept.restored || messages.restored,
            discard() {
              kept.discard();
              messages.discard();
            },
          }}
          alsoClear={() => setErrors({})}
        />
        <fieldset>
          <legend>What are you announcing?</legend>
          <div className="choice-row">
            {KINDS.map((kind) => (
              <label key={kind} className="choice">
                <input
                  type="radio"
                  name="announcement-kind"
                  checked={form.kind === kind}
                  onChange={() => set({ kind })}
                />{' '}
                {ANNOUNCEMENT_LABELS[kind]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form-grid">
          {form.kind === 'changing-jobs' ? (
            <>
              {text('leaving', 'Leaving (organisation)')}
              {text('next', 'Looking at next', { hint: 'Used only when a draft may ask for leads.' })}
            </>
          ) : null}
          {form.kind === 'new-role' ? (
            <>
              {text('role', 'New role')}
              {text('organisation', 'At (organisation)')}
            </>
          ) : null}
          {form.kind === 'moving' ? (
            <>
              {text('city', 'Moving to (city)')}
              {text('movingOn', 'Moving on', { type: 'date' })}
            </>
          ) : null}
          {form.kind === 'at-event' ? (
            <>
              {text('eventName', 'Event')}
              {text('place', 'Place')}
              {text('startsOn', 'Starts on', { type: 'date' })}
              {text('endsOn', 'Ends on', { type: 'date' })}
            </>
          ) : null}
        </div>
        <fieldset>
          <legend>Who to</legend>
          <div className="form-grid">
            {text('tags', 'Tags', { hint: 'Separate several with commas; anyone with one of them.' })}
            {text('organisations', 'Organisations', { hint: 'Separate several with commas.' })}
          </div>
          <div className="choice-row" role="group" aria-label="Tiers">
            {Tier.options.map((tier) => (
              <label key={tier} className="choice">
                <input
                  type="checkbox"
                  checked={form.tiers.includes(tier)}
                  onChange={(e) =>
                    set({ tiers: e.target.checked ? [...form.tiers, tier] : form.tiers.filter((t) => t !== tier) })
                  }
                />{' '}
                {rhythms.labels[tier]}
              </label>
            ))}
          </div>
          <LiveError state={rhythms.state} what="how often each rhythm is" />
          <div className="chosen-people">
            <PersonSelect
              label="Add a person"
              showLabel
              exclude={form.contactIds}
              value=""
              emptyLabel="Choose someone"
              onChange={(id, person) => {
                if (person) names.remember(person);
                if (id) set({ contactIds: [...form.contactIds, id] });
              }}
            />
            {form.contactIds.map((id) => (
              <span key={id} className="tag">
                {names.named(id) ?? '…'}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => set({ contactIds: form.contactIds.filter((x) => x !== id) })}
                >
                  Remove<span className="visually-hidden"> {names.named(id)}</span>
                </button>
              </span>
            ))}
          </div>
        </fieldset>
        {text('signature', 'Sign as')}
        <FormError error={errors.form} />
        <div>
          <button type="submit" className="primary">
            Draft messages
          </button>
        </div>
      </form>
      {drafts ? (
        <section aria-labelledby="drafts-title" className="stack">
          <h3 id="drafts-title" className="section-title" tabIndex={-1} ref={draftsTitle}>
            Drafts <span className="count">{drafts.length}</span>
          </h3>
          {drafts.length === 0 ? (
            <p className="empty">Nobody matches. Choose a tag, an organisation, a tier or some people.</p>
          ) : (
            drafts.map((d) => (
              <DraftMessage
                key={d.person.id}
                to={d.person.displayName}
                email={d.person.email}
                subject={d.subject}
                body={d.body}
                onBodyChange={(body) => edit(d.person.id, body)}
                badge={d.opening === 'give-first' ? 'Gives first: you asked last time' : undefined}
                sent={sent.has(d.person.id)}
                onSent={() => markSent(d)}
              />
            ))
          )}
        </section>
      ) : null}
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import { Tier } from '../../../shared/domain/contact.ts';
import {
  ANNOUNCEMENT_LABELS,
  type Announcement,
  type AnnouncementKind,
} from '../../../shared/domain/network/outreach.ts';
import type { AnnouncementDraftView } from '../../../shared/ipc/channels/network.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { ok } from '../../../shared/ipc/result.ts';
import { useToast } from '../../ui/Toast.tsx';
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
import {
  announcementSlot,
  editMessage,
  editedIn,
  Messages,
  messagesSlot,
  NO_MESSAGES,
  allSent,
  redraft,
  withoutRecipients,
  type Redrafted,
} from './announcement-drafts.ts';
import { DraftMessage } from './DraftMessage.tsx';
import { RedraftNote, redraftNote } from './RedraftNote.tsx';
import { useFocusFirstError } from '../../ui/useFocusFirstError.ts';

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
  const toast = useToast();
  // What is typed stays as a draft for the next visit, and so do the messages drafted from it and
  // the user's edits to them, until every message is sent or Start over.
  const slot = JSON.stringify(initial ?? {});
  const kept = useDraft(announcementSlot(slot), formFrom(initial), AnnouncementForm);
  const messages = useDraft(messagesSlot(slot), NO_MESSAGES, Messages);
  // What drafting again kept as the user left it, said once under the heading.
  const [redrafted, setRedrafted] = useState<Redrafted | null>(null);
  // The messages as they are when the drafts arrive: the user may edit one while they are asked for.
  const latest = useRef(messages.values);
  useEffect(() => {
    latest.current = messages.values;
  });
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
      const next = redraft(latest.current, r.value);
      messages.set(next.messages);
      setRedrafted(next);
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
      // Only `sent` changes: an edit to another message made while this was logged stays.
      const nowSent = [...latest.current.sent, d.person.id];
      messages.set({ sent: nowSent });
      if (allSent({ ...latest.current, sent: nowSent })) everyoneSent();
    });
  // The announcement is out to everyone: what was typed for it is no longer a draft to bring back.
  const everyoneSent = () => {
    kept.forget();
    messages.forget();
  };
  const edit = (id: string, body: string) => messages.set(editMessage(messages.values, id, body));
  const removeRecipient = (id: string) => {
    const before = { contactIds: form.contactIds, messages: messages.values };
    set({ contactIds: form.contactIds.filter((x) => x !== id) });
    setRedrafted(null);
    // Removed from who to: no message to them stays (re-drafting brings one back if a tag still matches).
    if (!messages.values.drafts?.some((d) => d.person.id === id)) return;
    const left = withoutRecipients(messages.values, [id]);
    messages.set(left);
    // One click took what the user wrote to them: Undo brings the person and the message back.
    if (editedIn(before.messages).has(id))
      toast({
        title: `Removed ${names.named(id) ?? 'them'} and your message to them`,
        undo: {
          run: () => {
            set({ contactIds: before.contactIds });
            messages.set(before.messages);
            return Promise.resolve(ok({}));
          },
        },
      });
    if (allSent(left)) everyoneSent();
  };

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
        <div className="row">
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
          <p className="field-hint">
            Everyone who fits each box you fill in (any of its tags, organisations or rhythms), and anyone you add by
            name. Filling in another box narrows the list.
          </p>
          <div className="row">
            {text('tags', 'Tags', { hint: 'Separate several with commas; any of them.' })}
            {text('organisations', 'Organisations', { hint: 'Separate several with commas; any of them.' })}
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
                <button type="button" className="link-button" onClick={() => removeRecipient(id)}>
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
          <h3
            id="drafts-title"
            className="section-title"
            tabIndex={-1}
            ref={draftsTitle}
            aria-describedby={redraftNote(redrafted) ? 'drafts-note' : undefined}
          >
            Drafts <span className="count">{drafts.length}</span>
          </h3>
          <RedraftNote id="drafts-note" redrafted={redrafted} />
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

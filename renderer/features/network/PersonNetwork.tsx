import { HandHelping, Plus, X } from 'lucide-react';
import { useState } from 'react';
import {
  RELATIONSHIP_CHOICES,
  RELATIONSHIP_LABELS,
  type RelationshipKind,
} from '../../../shared/domain/network/relationships.ts';
import type { Contact, ContactFields } from '../../../shared/domain/contact.ts';
import type { SubscriptionOutput } from '../../../shared/ipc/contract.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { useLive } from '../../api/useLive.ts';
import { Field } from '../../ui/Field.tsx';
import { LiveError } from '../../ui/LiveError.tsx';
import { PersonSelect } from '../../ui/PersonSelect.tsx';
import { useShowAll } from '../../ui/ShowAll.tsx';
import { AskDialog } from './AskDialog.tsx';
import { IntroCard } from './IntroCard.tsx';
import { NeedsForm } from './NeedsForm.tsx';
import './network.css';
import { useFocusFallback } from '../../ui/focus-fallback.ts';
import { useFocusStaysInList } from '../../ui/useFocusStaysInList.ts';

type View = SubscriptionOutput<'network.watchPerson'>;

/** Introductions shown before "Show all": five near-identical cards pushed the timeline far down the page. */
const FIRST_INTROS = 2;

/**
 * The network part of a person's page: what they are looking for and can help with (editable in
 * place), how they are related to others (both pages show it), introductions they are part of,
 * and "Ask for something" with the job-hunt guard in front of it.
 */
export function PersonNetwork({ contact, fields }: { contact: Contact; fields: ContactFields }) {
  const live = useLive<View>((onResult) => rapport().network.watchPerson({ id: contact.id }, onResult), [contact.id]);
  const request = useRequest();
  const [asking, setAsking] = useState(false);
  const [adding, setAdding] = useState(false);
  const [kind, setKind] = useState<RelationshipKind>('works-with');
  const [other, setOther] = useState<{ id: string; name: string }>();
  const [label, setLabel] = useState('');
  const name = contact.displayName;
  // Adding, saving, cancelling and removing each take away the control that had focus: it goes to
  // the form's first field while the form is open, else to "Add a relationship".
  // A logged introduction leaves the list: focus goes to the same button of the next one.
  const introsFocus = useFocusStaysInList();
  const firstIntros = useShowAll(live.status === 'ready' ? live.data.intros : [], FIRST_INTROS);
  const relationshipsFocus = useFocusFallback(() =>
    document.querySelector<HTMLElement>('#relate-kind, [data-add-relationship]'),
  );

  const relate = () => {
    if (!other) return;
    const otherName = other.name;
    void request(
      () =>
        rapport().network.relate({
          fromId: contact.id,
          toId: other.id,
          kind,
          ...(label.trim() ? { label: label.trim() } : {}),
        }),
      { action: `relate ${name} and ${otherName}`, success: () => ({ title: `Saved: ${name} and ${otherName}` }) },
    ).then((r) => {
      if (!r.ok) return;
      setAdding(false);
      setOther(undefined);
      setLabel('');
    });
  };
  const unrelate = (toId: string, k: RelationshipKind, otherName: string) =>
    void request(() => rapport().network.unrelate({ fromId: contact.id, toId, kind: k }), {
      action: `remove the relationship with ${otherName}`,
      success: () => ({
        title: `Removed: ${name} and ${otherName}`,
        undo: { run: () => rapport().network.relate({ fromId: contact.id, toId, kind: k }) },
      }),
    });

  return (
    <section className="card stack person-network" aria-labelledby="network-title">
      <div className="section-title">
        <h2 id="network-title">Network</h2>
        <button type="button" onClick={() => setAsking(true)}>
          <HandHelping size={14} aria-hidden /> Ask for something
        </button>
      </div>
      <NeedsForm contact={contact} fields={fields} />
      <LiveError state={live} what="Relationships" />
      <div {...relationshipsFocus}>
        <h3 className="small-heading">Relationships</h3>
        {live.status === 'ready' && live.data.relationships.length === 0 ? (
          <p className="muted small">None recorded. Who introduced you, who they work with, who they know.</p>
        ) : null}
        {live.status === 'ready' && live.data.relationships.length ? (
          <ul className="relationships" aria-label={`Relationships of ${name}`}>
            {live.data.relationships.map((r) => (
              <li key={`${r.contactId}-${r.kind}`}>
                <span className="muted">{RELATIONSHIP_LABELS[r.kind]}</span>{' '}
                <a href={`#/people/${r.contactId}`}>{r.displayName}</a>
                {r.label ? <span className="muted"> ({r.label})</span> : null}
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove “${RELATIONSHIP_LABELS[r.kind]} ${r.displayName}”`}
                  onClick={() => unrelate(r.contactId, r.kind, r.displayName)}
                >
                  <X size={14} aria-hidden />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {adding ? (
          <form
            className="relate-form"
            aria-label="Add a relationship"
            onSubmit={(e) => {
              e.preventDefault();
              relate();
            }}
          >
            <div className="field">
              <label htmlFor="relate-kind">{name}…</label>
              <select id="relate-kind" value={kind} onChange={(e) => setKind(e.target.value as RelationshipKind)}>
                {RELATIONSHIP_CHOICES.map((c) => (
                  <option key={c.kind} value={c.kind}>
                    {c.phrase}
                  </option>
                ))}
              </select>
            </div>
            <PersonSelect
              label="Other person"
              showLabel
              exclude={[contact.id]}
              value={other?.id ?? ''}
              onChange={(id, person) => setOther(id ? { id, name: person?.displayName ?? 'them' } : undefined)}
              emptyLabel="Choose someone"
            />
            {kind === 'family' ? (
              <Field
                label="How (optional)"
                placeholder="sister, partner…"
                value={label}
                onChange={(e) => setLabel(e.target.value)}
              />
            ) : null}
            <div className="relate-actions">
              <button type="submit" className="primary" disabled={!other}>
                Save relationship
              </button>
              <button type="button" onClick={() => setAdding(false)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="link-button" data-add-relationship onClick={() => setAdding(true)}>
            <Plus size={14} aria-hidden /> Add a relationship
          </button>
        )}
      </div>
      {live.status === 'ready' && live.data.intros.length ? (
        <div>
          <h3 className="small-heading">Introductions to consider</h3>
          <ul className="intro-list" {...introsFocus}>
            {firstIntros.shown.map((intro) => (
              <IntroCard key={`${intro.seeker.id}-${intro.helper.id}`} intro={intro} />
            ))}
          </ul>
          {firstIntros.toggle}
        </div>
      ) : null}
      <AskDialog contactId={contact.id} name={name} open={asking} onClose={() => setAsking(false)} />
    </section>
  );
}

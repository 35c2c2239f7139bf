import { Copy } from 'lucide-react';
import type { EventView } from '../../../shared/ipc/channels/events.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { openPerson } from '../../navigation/useScreen.ts';
import { PersonSelect } from '../../ui/PersonSelect.tsx';
import { useShowAll } from '../../ui/ShowAll.tsx';
import { useCopy } from '../starters/useCopy.ts';
import { REASON_WORDS } from './event-words.ts';

/** People you know who may be there, shown before "Show all": a big conference named dozens. */
const FIRST_LIKELY = 8;

/** Before the event: your goal and introduction, who you know there, three starters, one practice step. */
export function PrepSheet({ view, onEdit }: { view: EventView; onEdit: () => void }) {
  const { event, prep } = view;
  const request = useRequest();
  const { copy, status } = useCopy();
  const likely = useShowAll(prep.likely, FIRST_LIKELY);
  const setGoing = (contactId: string, going: boolean) =>
    request(() => rapport().events.setGoing({ id: event.id, contactId, going }), { action: 'change who is going' });

  return (
    <section className="card stack prep-sheet" aria-labelledby="prep-title">
      <h2 id="prep-title" className="section-title">
        Prep sheet
      </h2>
      <dl className="facts prep-facts">
        <dt>Your goal</dt>
        <dd>{event.goal}</dd>
        <dt>Your introduction</dt>
        <dd>
          {event.introduction ?? (
            <button type="button" className="link-button" onClick={onEdit}>
              Write a one-line introduction
            </button>
          )}
        </dd>
      </dl>

      <section aria-labelledby="likely-title">
        <h3 id="likely-title">People you know who may be there</h3>
        {prep.likely.length ? (
          <ul className="likely-list">
            {likely.shown.map((p) => (
              <li key={p.id} aria-label={p.displayName}>
                <div className="likely-top">
                  <span className="likely-who">
                    <button type="button" className="link-button" onClick={() => openPerson(p.id)}>
                      {p.displayName}
                    </button>
                    {p.organisation ? <span className="muted small">{p.organisation}</span> : null}
                    <span className="muted small">{p.reasons.map((r) => REASON_WORDS[r]).join(' · ')}</span>
                  </span>
                  <button
                    type="button"
                    className="small"
                    aria-pressed={p.going}
                    // Each names its person: a list of 30 identical "Mark going" buttons says nothing out of context.
                    aria-label={`${p.going ? 'Going' : 'Mark going'}: ${p.displayName}`}
                    onClick={() => void setGoing(p.id, !p.going)}
                  >
                    {p.going ? 'Going' : 'Mark going'}
                  </button>
                </div>
                {p.askAbout.length ? (
                  <p className="small likely-ask-about">
                    <span className="muted">Ask about: </span>
                    {p.askAbout.map((d) => d.text).join('; ')}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">Nobody yet. Add organisations or tags to the event, or mark someone as going.</p>
        )}
        {likely.toggle}
        <div className="going-picker">
          <PersonSelect
            label="Mark someone as going"
            showLabel
            exclude={event.going}
            value=""
            emptyLabel="Choose a person"
            onChange={(id) => void setGoing(id, true)}
          />
        </div>
      </section>

      <section aria-labelledby="starters-title">
        <h3 id="starters-title">Three starters for a {event.kind === 'other' ? 'gathering' : event.kind}</h3>
        <ul className="event-starters">
          {prep.starters.map((s) => (
            <li key={s.id}>
              <span>{s.text}</span>
              <button
                type="button"
                className="icon-button"
                aria-label={`Copy: ${s.text}`}
                onClick={() => void copy(s.text)}
              >
                <Copy size={14} aria-hidden />
              </button>
            </li>
          ))}
        </ul>
        <p className="visually-hidden" role="status">
          {status}
        </p>
      </section>

      <PracticeStep view={view} />
    </section>
  );
}

function PracticeStep({ view }: { view: EventView }) {
  const { event, prep } = view;
  const request = useRequest();
  const practice = prep.practice;
  return (
    <section aria-labelledby="practice-title">
      <h3 id="practice-title">This event’s practice</h3>
      {practice ? (
        <>
          <p>
            {practice.text}{' '}
            <span className="muted small">
              (from “{practice.ladderName}”, expected anxiety {practice.suds}/10)
            </span>
          </p>
          <div className="actions">
            {practice.chosen ? (
              <>
                <span className="small">Chosen for this event.</span>
                <a className="button small" href="#/practice">
                  Plan it on Practice
                </a>
                <button
                  type="button"
                  className="ghost small"
                  onClick={() =>
                    void request(() => rapport().events.setPractice({ id: event.id, practice: null }), {
                      action: 'change the practice',
                    })
                  }
                >
                  Choose none
                </button>
              </>
            ) : (
              <button
                type="button"
                className="small"
                onClick={() =>
                  void request(
                    () =>
                      rapport().events.setPractice({
                        id: event.id,
                        practice: { ladderId: practice.ladderId, stepId: practice.stepId },
                      }),
                    { action: 'choose the practice' },
                  )
                }
              >
                Practise this at the event
              </button>
            )}
          </div>
        </>
      ) : (
        <p className="muted small">
          No ladder step fits yet. <a href="#/practice">Build a fear ladder</a> and a step will be offered here.
        </p>
      )}
    </section>
  );
}

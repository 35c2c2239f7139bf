import { Download, ExternalLink, Mail, Pencil, Trash2, UserPlus } from 'lucide-react';
import { useState } from 'react';
import type { EventView } from '../../../shared/ipc/channels/events.ts';
import { useToday } from '../../api/AppInfoProvider.tsx';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { useLive } from '../../api/useLive.ts';
import { navigate } from '../../navigation/useScreen.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { MOD } from '../../ui/keys.ts';
import { LiveError } from '../../ui/LiveError.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { Tooltip } from '../../ui/Tooltip.tsx';
import { saveText } from '../backup/files.ts';
import { AnnouncementComposer } from '../network/AnnouncementComposer.tsx';
import { EventForm } from './EventForm.tsx';
import { FollowUpQueue } from './FollowUpQueue.tsx';
import { PrepSheet } from './PrepSheet.tsx';
import { CAPTURE_SHORTCUT, useCapture } from './QuickCapture.tsx';
import { EventReview } from './EventReview.tsx';
import { kindLabel, whenAndWhere } from './event-words.ts';
import './events.css';

/** One event: before (the prep sheet), during (quick capture), after (follow-ups and the review). */
export function EventPage({ id }: { id: string }) {
  const view = useLive<EventView>((onResult) => rapport().events.watch({ id }, onResult), [id]);
  const [editing, setEditing] = useState(false);
  const [inviting, setInviting] = useState(false);
  const { openCapture } = useCapture();
  const request = useRequest();
  const today = useToday();

  if (view.status !== 'ready') {
    return (
      <section aria-labelledby="screen-title" className="screen">
        <ScreenHeading>{view.status === 'loading' ? 'Loading event…' : 'Event not found'}</ScreenHeading>
        <LiveError state={view} what="this event" />
      </section>
    );
  }
  const { event } = view.data;
  // Once it is over, what is left to do (follow-ups, the review) comes before the preparation.
  const over = (event.endsOn ?? event.startsOn) < today;
  const prep = <PrepSheet view={view.data} onEdit={() => setEditing(true)} />;
  const after = (
    <div className="stack">
      <FollowUpQueue view={view.data} />
      <EventReview view={view.data} />
    </div>
  );
  const exportIcs = () =>
    request(() => rapport().events.exportIcs({ id }), {
      action: 'export the event',
      success: (file) => {
        saveText(file.fileName, file.text, 'text/calendar;charset=utf-8');
        return { kind: 'success', title: `Saved ${file.fileName}` };
      },
    });
  const remove = async () => {
    const result = await request(() => rapport().events.delete({ id }), {
      action: 'delete the event',
      success: ({ undoToken }) => ({
        kind: 'success',
        title: `Deleted ${event.name}`,
        description: 'The people you met and their interactions stay.',
        undo: { token: undoToken },
      }),
    });
    if (result.ok) navigate('events');
  };

  return (
    <section aria-labelledby="screen-title" className="screen event-page">
      <p className="muted small event-crumbs">
        <a href="#/events">Events</a> / {kindLabel(event)}
      </p>
      <div className="screen-top">
        <ScreenHeading>{event.name}</ScreenHeading>
        <div className="actions">
          <Tooltip label="Quick capture someone you met" shortcut={`${MOD} ${CAPTURE_SHORTCUT.label}`}>
            <button
              type="button"
              className="primary"
              aria-keyshortcuts={CAPTURE_SHORTCUT.aria}
              onClick={() => openCapture(event)}
            >
              <UserPlus size={16} aria-hidden /> Quick capture
            </button>
          </Tooltip>
          {/* Telling people you will be there makes sense only before it ends. */}
          {!over ? (
            <button type="button" onClick={() => setInviting(true)}>
              <Mail size={16} aria-hidden /> Will you be there?
            </button>
          ) : null}
          <button type="button" onClick={() => setEditing(true)}>
            <Pencil size={16} aria-hidden /> Edit
          </button>
          <button type="button" onClick={() => void exportIcs()}>
            <Download size={16} aria-hidden /> Export .ics
          </button>
          <button type="button" className="danger" onClick={() => void remove()}>
            <Trash2 size={16} aria-hidden /> Delete
          </button>
        </div>
      </div>
      <p className="event-when">
        {whenAndWhere(event)}
        {event.link ? (
          <>
            {' · '}
            <a href={event.link} target="_blank" rel="noreferrer">
              Event page <ExternalLink size={12} aria-hidden />
            </a>
          </>
        ) : null}
      </p>
      <Dialog open={inviting} title={`Will you be there? ${event.name}`} size="wide" onClose={() => setInviting(false)}>
        <AnnouncementComposer
          initial={{
            kind: 'at-event',
            event: {
              name: event.name,
              startsOn: event.startsOn,
              ...(event.endsOn ? { endsOn: event.endsOn } : {}),
              ...(event.place ? { place: event.place.slice(0, 200) } : {}),
            },
          }}
        />
      </Dialog>
      <div className="event-columns">
        {over ? after : prep}
        {over ? prep : after}
      </div>
      {event.notes ? (
        <section className="card" aria-labelledby="event-notes-title">
          <h2 id="event-notes-title" className="section-title">
            Notes
          </h2>
          <p className="pre">{event.notes}</p>
        </section>
      ) : null}
      <Dialog open={editing} title="Edit event" size="wide" onClose={() => setEditing(false)}>
        <EventForm editing={event} today={today} onCancel={() => setEditing(false)} onSaved={() => setEditing(false)} />
      </Dialog>
    </section>
  );
}

import { CalendarPlus, FileUp } from 'lucide-react';
import { useRef, useState } from 'react';
import type { EventFields } from '../../../shared/domain/events/model.ts';
import type { EventListItem } from '../../../shared/ipc/channels/events.ts';
import { useToday } from '../../api/AppInfoProvider.tsx';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { useLive } from '../../api/useLive.ts';
import { navigate } from '../../navigation/useScreen.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { LiveError } from '../../ui/LiveError.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { EventForm } from './EventForm.tsx';
import { kindLabel, whenAndWhere } from './event-words.ts';
import './events.css';

/** Events: upcoming first, then past ones; new ones typed in or read from an .ics file. */
export function EventsScreen() {
  const events = useLive<EventListItem[]>((onResult) => rapport().events.watchList({}, onResult), []);
  const today = useToday();
  const request = useRequest();
  const fileInput = useRef<HTMLInputElement>(null);
  const [form, setForm] = useState<{ initial?: EventFields; fileName?: string } | null>(null);
  const [fileError, setFileError] = useState('');

  async function readIcs(file: File) {
    setFileError('');
    const text = await file.text();
    const result = await request(() => rapport().events.parseIcs({ text }), {
      action: `read ${file.name}`,
      onError: (error) => setFileError(`${file.name}: ${error.message}`),
    });
    if (result.ok) setForm({ initial: result.value, fileName: file.name });
  }

  const list = events.status === 'ready' ? events.data : [];
  const upcoming = list.filter((e) => e.lastDay >= today);
  const past = list.filter((e) => e.lastDay < today);
  return (
    <section aria-labelledby="screen-title" className="screen events">
      <div className="screen-top">
        <div>
          <ScreenHeading>Events</ScreenHeading>
          <p className="lead">
            Prepare for conferences, meet-ups and courses, capture the people you meet, and follow up within two days.
          </p>
        </div>
        <div className="actions">
          <button type="button" className="primary" onClick={() => setForm({})}>
            <CalendarPlus size={16} aria-hidden /> New event
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            <FileUp size={16} aria-hidden /> Import .ics
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".ics,text/calendar"
            className="visually-hidden"
            aria-label="Calendar file (.ics)"
            tabIndex={-1}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void readIcs(file);
            }}
          />
        </div>
      </div>
      {fileError ? (
        <p className="inline-alert" role="alert">
          {fileError}
        </p>
      ) : null}
      <LiveError state={events} what="your events" />
      {events.status === 'ready' && !list.length ? (
        <p className="empty">No events yet. Add one, or import the .ics file from an invitation.</p>
      ) : null}
      {upcoming.length ? <EventList title="Coming up and on now" events={upcoming} /> : null}
      {!upcoming.length && past.length ? (
        <p className="empty">Nothing coming up. Add the next conference or meet-up to prepare for it.</p>
      ) : null}
      {past.length ? <EventList title="Past events" events={past} /> : null}
      <Dialog
        open={form !== null}
        title={form?.fileName ? `New event from ${form.fileName}` : 'New event'}
        size="wide"
        onClose={() => setForm(null)}
      >
        {form ? (
          <EventForm
            initial={form.initial}
            today={today}
            onCancel={() => setForm(null)}
            onSaved={(event) => {
              setForm(null);
              navigate('events', event.id);
            }}
          />
        ) : null}
      </Dialog>
    </section>
  );
}

function EventList({ title, events }: { title: string; events: EventListItem[] }) {
  return (
    <section className="stack" aria-label={title}>
      <h2 className="section-title">{title}</h2>
      <ul className="event-list">
        {events.map((e) => (
          <li key={e.id} className="card event-row">
            <a href={`#/events/${encodeURIComponent(e.id)}`} className="event-name">
              {e.name}
            </a>
            <span className="type-badge">{kindLabel(e)}</span>
            <span className="muted small">{whenAndWhere(e)}</span>
            {e.metCount ? (
              <span className="muted small">{e.metCount === 1 ? '1 person met' : `${e.metCount} people met`}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useId, useMemo, useState } from 'react';
import { INTERACTION_LABELS, InteractionType } from '../../../shared/domain/interaction.ts';
import { usePeopleList } from '../../api/PeopleProvider.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { useQuickLog } from '../log/QuickLog.tsx';
import { Timeline } from './Timeline.tsx';

export function TimelineScreen() {
  const id = useId();
  const people = usePeopleList();
  const openLog = useQuickLog();
  const [type, setType] = useState<InteractionType | ''>('');
  const [tag, setTag] = useState('');
  const [contactId, setContactId] = useState('');
  const tags = useMemo(() => [...new Set(people.flatMap((p) => p.tags))].sort((a, b) => a.localeCompare(b)), [people]);
  const filter = { ...(type ? { types: [type] } : {}), ...(tag ? { tag } : {}), ...(contactId ? { contactId } : {}) };

  return (
    <section aria-labelledby="screen-title" className="timeline-screen">
      <div className="screen-top">
        <ScreenHeading>Timeline</ScreenHeading>
        <button type="button" className="primary" onClick={() => openLog()}>
          Log an interaction
        </button>
      </div>
      <div className="filters" role="group" aria-label="Filter the timeline">
        <label htmlFor={`${id}-type`}>Type</label>
        <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as InteractionType | '')}>
          <option value="">All types</option>
          {InteractionType.options.map((t) => (
            <option key={t} value={t}>
              {INTERACTION_LABELS[t]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-tag`}>Tag</label>
        <select id={`${id}-tag`} value={tag} onChange={(e) => setTag(e.target.value)}>
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-person`}>Person</label>
        <select id={`${id}-person`} value={contactId} onChange={(e) => setContactId(e.target.value)}>
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </select>
      </div>
      <Timeline
        filter={filter}
        label="Timeline"
        emptyText="Every coffee, call and conversation you log shows up here, newest first. Press Ctrl+L to log one."
      />
    </section>
  );
}

import { PenLine } from 'lucide-react';
import { useState } from 'react';
import { INTERACTION_LABELS, InteractionType } from '../../../shared/domain/interaction.ts';
import { usePeopleTags } from '../../api/PeopleProvider.tsx';
import { PersonSelect } from '../../ui/PersonSelect.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { Select } from '../../ui/Select.tsx';
import { useQuickLog } from '../log/QuickLog.tsx';
import { Timeline } from './Timeline.tsx';
import './timeline.css';

const ALL = '__all__';

export function TimelineScreen() {
  const { openLog } = useQuickLog();
  const [type, setType] = useState<InteractionType | typeof ALL>(ALL);
  const [tag, setTag] = useState(ALL);
  const [contactId, setContactId] = useState('');
  const tags = usePeopleTags();
  const filter = {
    ...(type !== ALL ? { types: [type] } : {}),
    ...(tag !== ALL ? { tag } : {}),
    ...(contactId ? { contactId } : {}),
  };

  return (
    <section aria-labelledby="screen-title" className="screen screen-fill timeline-screen">
      <div className="screen-top">
        <ScreenHeading>Timeline</ScreenHeading>
        <button type="button" className="primary" onClick={() => openLog()}>
          <PenLine size={16} aria-hidden /> Log an interaction
        </button>
      </div>
      <div className="toolbar" role="group" aria-label="Filter the timeline">
        <Select
          label="Type"
          value={type}
          options={[
            { value: ALL, label: 'All types' },
            ...InteractionType.options.map((t) => ({ value: t, label: INTERACTION_LABELS[t] })),
          ]}
          onChange={setType}
        />
        {tags.length ? (
          <Select
            label="Tag"
            value={tag}
            options={[{ value: ALL, label: 'All tags' }, ...tags.map((t) => ({ value: t, label: t }))]}
            onChange={setTag}
          />
        ) : null}
        <PersonSelect label="Person" value={contactId} onChange={setContactId} emptyLabel="Everyone" />
      </div>
      <Timeline
        filter={filter}
        label="Timeline"
        emptyText="Every coffee, call and conversation you log shows up here, newest first. Press Ctrl+L to log one."
      />
    </section>
  );
}

import { MoreHorizontal, Pencil, Trash2 } from 'lucide-react';
import { memo } from 'react';
import { INTERACTION_LABELS } from '../../../shared/domain/interaction.ts';
import type { TimelineEntry } from '../../../shared/domain/views.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { hitMark } from '../../navigation/reveal.ts';
import { openPerson } from '../../navigation/useScreen.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { formatDate, formatTime, formatWeekday, formatWeekOf } from '../../ui/dates.ts';
import { INTERACTION_ICONS } from '../../ui/interaction-icons.ts';
import { Menu } from '../../ui/Menu.tsx';
import { FAVOUR_LABELS } from '../log/FavourFields.tsx';
import { SET_ASIDE_LABELS, SetAsideList, settleWords } from '../sync/SetAsideList.tsx';
import { useQuickLog } from '../log/QuickLog.tsx';
import { INTERACTION_NOUNS, namesText } from '../log/words.ts';

const sameWeek = (a: string, b: string) => formatWeekOf(a) === formatWeekOf(b);

/** One interaction, under a week and a day heading when it starts one; Edit and Delete (with Undo) in its menu. */
export const EntryRow = memo(function EntryRow({
  entry,
  previous,
  pagePersonId,
}: {
  entry: TimelineEntry;
  previous: TimelineEntry | undefined;
  /** On a person's page, that person: every entry is with them, so their chip would only repeat. */
  pagePersonId?: string | undefined;
}) {
  const { editInteraction } = useQuickLog();
  const request = useRequest();
  const newWeek = !previous || !sameWeek(previous.date, entry.date);
  const newDay = !previous || previous.date !== entry.date;
  const Icon = INTERACTION_ICONS[entry.type];
  const label = `${INTERACTION_LABELS[entry.type]} on ${formatDate(entry.date)}`;
  const names = namesText(entry.people.map((p) => p.displayName));
  const what = `${INTERACTION_NOUNS[entry.type]} with ${names}`;
  // Rows of the same kind on the same day read alike: the menu names the people too.
  const actions = `Actions for ${INTERACTION_LABELS[entry.type]} with ${names} on ${formatDate(entry.date)}`;
  const { people: _people, setAside: _setAside, ...interaction } = entry;

  return (
    <article
      className="timeline-entry"
      aria-label={label}
      tabIndex={-1}
      data-hit={hitMark({ kind: 'interaction', id: entry.id })}
    >
      {newWeek ? <h2 className="week-heading">Week of {formatWeekOf(entry.date)}</h2> : null}
      {newDay ? <h3 className="day-heading">{formatWeekday(entry.date)}</h3> : null}
      <div className="entry">
        <span className="entry-icon" aria-hidden="true">
          <Icon size={16} />
        </span>
        <div className="entry-main">
          <div className="entry-line">
            <span className="entry-type">{INTERACTION_LABELS[entry.type]}</span>
            <span className="entry-people">
              {entry.people
                .filter((p) => p.id !== pagePersonId)
                .map((p) => (
                  <span key={p.id} className="person-chip">
                    <Avatar name={p.displayName} size="sm" />
                    <a
                      href={`#/people/${encodeURIComponent(p.id)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        openPerson(p.id);
                      }}
                    >
                      {p.displayName}
                    </a>
                  </span>
                ))}
            </span>
            {entry.time ? <span className="muted small">{formatTime(entry.time)}</span> : null}
            {entry.eventId ? (
              <a className="small entry-event" href={`#/events/${encodeURIComponent(entry.eventId)}`}>
                {entry.title ?? 'The event'}
              </a>
            ) : null}
          </div>
          {entry.notes ? <p className="entry-notes">{entry.notes}</p> : null}
          {entry.gave.length || entry.asked.length || entry.mutual ? (
            <p className="entry-favours">
              {entry.gave.length ? <span>Gave: {entry.gave.map((f) => FAVOUR_LABELS[f]).join(', ')}</span> : null}
              {entry.asked.length ? <span>Asked: {entry.asked.map((f) => FAVOUR_LABELS[f]).join(', ')}</span> : null}
              {entry.mutual ? <span>Two-way</span> : null}
            </p>
          ) : null}
          {entry.setAside?.length ? (
            <div className="entry-set-aside" role="group" aria-label={`Changed on two devices: ${label}`}>
              <p className="small">
                Changed on two devices before they synced. The newest change is shown; this one was kept.
              </p>
              <SetAsideList
                values={entry.setAside}
                labels={SET_ASIDE_LABELS.interaction}
                of={label}
                settle={(conflict, choice) =>
                  void request(
                    () => rapport().interactions.settleSetAside({ id: entry.id, conflictId: conflict.id, choice }),
                    settleWords(choice),
                  )
                }
              />
            </div>
          ) : null}
        </div>
        <Menu
          label={actions}
          trigger={
            <button type="button" className="icon-button entry-menu" aria-label={actions} data-row-control="actions">
              <MoreHorizontal size={16} aria-hidden />
            </button>
          }
          items={[
            { label: 'Edit', icon: <Pencil size={14} />, onSelect: () => editInteraction(interaction) },
            {
              label: 'Delete',
              icon: <Trash2 size={14} />,
              danger: true,
              onSelect: () =>
                void request(() => rapport().interactions.delete({ id: entry.id }), {
                  action: `delete ${what}`,
                  success: ({ undoToken }) => ({ title: `Deleted ${what}`, undo: { token: undoToken } }),
                }),
            },
          ]}
        />
      </div>
    </article>
  );
});

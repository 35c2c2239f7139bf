import { PenLine, Search } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import {
  currentStarterId,
  STARTER_SITUATION_LABELS,
  STARTER_SITUATIONS,
  searchStarters,
  libraryStarters,
} from '../../../shared/content/library.ts';
import type { StarterSituation } from '../../../shared/content/schema.ts';
import type { OwnStarter, OwnStarterFields } from '../../../shared/domain/practice/model.ts';
import { copyText } from '../../../shared/domain/starters/copy-text.ts';
import type { SubscriptionOutput } from '../../../shared/ipc/contract.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { useLive } from '../../api/useLive.ts';
import { LiveError } from '../../ui/LiveError.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import '../practice/practice.css';
import { OwnStarterForm } from './OwnStarterForm.tsx';
import { FillGapsDialog } from './FillGapsDialog.tsx';
import { StarterRow, type Row } from './StarterRow.tsx';
import { useCopy } from './useCopy.ts';
import { useFocusStaysInList } from '../../ui/useFocusStaysInList.ts';

type Mine = SubscriptionOutput<'starters.watchMine'>;
/** The form's job: write a new starter, edit one of yours, or make a library line yours (a new one of yours). */
type Editing = 'new' | { edit: OwnStarter } | { adapt: OwnStarterFields };

/** Starters shown per situation until "Show all": the library reads as a menu, not a wall of text. */
const FIRST_PER_GROUP = 4;

/**
 * The conversation-starter library: browse by situation, search, favourites, your own starters,
 * copy. The bundled library is shared code imported directly; only the user's own starters and
 * favourites come from main.
 */
const ownFields = ({ text, situation, channel, tone }: OwnStarter) => ({ text, situation, channel, tone });

export function StartersScreen() {
  const id = useId();
  const groupsFocus = useFocusStaysInList<HTMLDivElement>();
  const mine = useLive<Mine>((onResult) => rapport().starters.watchMine({}, onResult), []);
  const [query, setQuery] = useState('');
  const [situation, setSituation] = useState<'' | StarterSituation>('');
  const [favouritesOnly, setFavouritesOnly] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const { copy, status } = useCopy();
  const [filling, setFilling] = useState<string | null>(null);
  const [opened, setOpened] = useState<Set<StarterSituation>>(new Set());
  const request = useRequest();
  // [name] is left out and [how long] reads "a while"; a line with a gap that can't be left out asks for it first.
  const copyStarter = (text: string) => {
    const ready = copyText(text);
    if (ready.ok) void copy(ready.text);
    else setFilling(text);
  };

  const own = useMemo(() => (mine.status === 'ready' ? mine.data.own : []), [mine]);
  // A favourite kept under a retired id shows on the line that replaced it.
  const favourites = useMemo(
    () =>
      new Set(
        (mine.status === 'ready' ? mine.data.favourites : [])
          .map(currentStarterId)
          .filter((id): id is string => id !== undefined),
      ),
    [mine],
  );
  const rows = useMemo(() => {
    const all: Row[] = [
      ...own.map((o) => ({
        id: o.id,
        text: o.text,
        situation: o.situation,
        channel: o.channel,
        tone: o.tone,
        tags: ['yours'],
        own: o,
      })),
      ...libraryStarters(),
    ];
    return searchStarters(query, all).filter(
      (s) => (!situation || s.situation === situation) && (!favouritesOnly || favourites.has(s.id)),
    ) as Row[];
  }, [own, query, situation, favouritesOnly, favourites]);
  const groups = STARTER_SITUATIONS.map((s) => ({ situation: s, items: rows.filter((r) => r.situation === s) })).filter(
    (g) => g.items.length > 0,
  );

  const toast = useToast();
  const deleteOwn = (own: OwnStarter) =>
    void request(() => rapport().starters.deleteOwn({ id: own.id }), {
      action: 'delete your starter',
      // Back from the trash as it was (its id, its place in the list), and starred again if it was.
      success: ({ undoToken, wasFavourite }) => ({
        title: 'Deleted your starter',
        ...(undoToken
          ? {
              undo: {
                run: async () => {
                  const back = await rapport().undo.apply({ token: undoToken });
                  if (back.ok && wasFavourite)
                    await rapport().starters.toggleFavourite({ starterId: own.id, favourite: true });
                  return back;
                },
              },
            }
          : {}),
      }),
    });
  const toggleFavourite = (starter: Row) =>
    void request(
      () => rapport().starters.toggleFavourite({ starterId: starter.id, favourite: !favourites.has(starter.id) }),
      { action: 'change the favourite' },
    );

  return (
    <section aria-labelledby="screen-title" className="screen starters">
      <div className="screen-top">
        <div>
          <ScreenHeading>Conversation starters</ScreenHeading>
          <p className="lead">
            Words to open a conversation, follow up or get back in touch. Copy one and change it until it sounds like
            you.
          </p>
        </div>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          <PenLine size={16} aria-hidden /> Write your own
        </button>
      </div>
      {/* One line of filters, as above the People list, not three controls stacked full width. */}
      <div className="toolbar" role="search">
        <div className="search-field">
          <Search size={16} aria-hidden />
          <label htmlFor={`${id}-q`} className="visually-hidden">
            Search starters
          </label>
          <input
            id={`${id}-q`}
            type="search"
            placeholder="Search starters"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <div className="toolbar-select">
          <label htmlFor={`${id}-sit`}>Situation</label>
          <select
            id={`${id}-sit`}
            value={situation}
            onChange={(e) => setSituation(e.target.value as '' | StarterSituation)}
          >
            <option value="">All situations</option>
            {STARTER_SITUATIONS.map((s) => (
              <option key={s} value={s}>
                {STARTER_SITUATION_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={favouritesOnly} onChange={(e) => setFavouritesOnly(e.target.checked)} />
          Favourites only
        </label>
      </div>
      <LiveError state={mine} what="your starters and favourites" />
      <p className="count" role="status" aria-live="polite">
        {rows.length === 1 ? '1 starter' : `${rows.length} starters`}
        {status ? ` · ${status}` : ''}
      </p>
      {rows.length === 0 ? (
        <p className="empty">
          {favouritesOnly
            ? 'No favourites here yet. Press the star on any starter to keep it close.'
            : 'Nothing matches. Try fewer words.'}
        </p>
      ) : null}
      {/* A favourite turned off under "Favourites only" leaves: focus stays on a star in its group (or the next). */}
      <div className="starter-groups" {...groupsFocus}>
        {groups.map((g) => (
          <section key={g.situation} aria-labelledby={`${id}-${g.situation}`} className="starter-group">
            <h2 id={`${id}-${g.situation}`}>
              {STARTER_SITUATION_LABELS[g.situation]} <span className="count">({g.items.length})</span>
            </h2>
            <ul className="starter-list">
              {(opened.has(g.situation) || query.trim() ? g.items : g.items.slice(0, FIRST_PER_GROUP)).map((s) => (
                <StarterRow
                  key={s.id}
                  starter={s}
                  favourite={favourites.has(s.id)}
                  onFavourite={() => toggleFavourite(s)}
                  onCopy={() => copyStarter(s.text)}
                  onMakeYours={() =>
                    setEditing({ adapt: { text: s.text, situation: s.situation, channel: s.channel, tone: s.tone } })
                  }
                  onEdit={(own) => setEditing({ edit: own })}
                  onDelete={deleteOwn}
                />
              ))}
            </ul>
            {g.items.length > FIRST_PER_GROUP && !query.trim() ? (
              <button
                type="button"
                className="ghost small"
                aria-expanded={opened.has(g.situation)}
                onClick={() =>
                  setOpened((set) => {
                    const next = new Set(set);
                    if (!next.delete(g.situation)) next.add(g.situation);
                    return next;
                  })
                }
              >
                {opened.has(g.situation) ? 'Show fewer' : `Show all ${g.items.length}`}
              </button>
            ) : null}
          </section>
        ))}
      </div>
      <FillGapsDialog
        starter={filling}
        onClose={() => setFilling(null)}
        onCopy={(text) => {
          setFilling(null);
          void copy(text);
        }}
      />
      <Dialog
        open={editing !== null}
        title={
          editing === null || editing === 'new'
            ? 'Write your own starter'
            : 'edit' in editing
              ? 'Edit your starter'
              : 'Make it yours'
        }
        onClose={() => setEditing(null)}
      >
        {editing !== null ? (
          <OwnStarterForm
            initial={editing !== 'new' && 'edit' in editing ? editing.edit : undefined}
            initialFields={editing !== 'new' && 'adapt' in editing ? editing.adapt : undefined}
            onSaved={(saved) => {
              const before = editing !== 'new' && 'edit' in editing ? editing.edit : undefined;
              setEditing(null);
              toast({
                title: before ? 'Saved the changes' : 'Saved your starter',
                undo: {
                  run: () =>
                    before
                      ? rapport().starters.saveOwn({ id: before.id, fields: ownFields(before) })
                      : rapport().starters.deleteOwn({ id: saved.id }),
                },
              });
            }}
          />
        ) : null}
      </Dialog>
    </section>
  );
}

import { useCallback, useEffect, useState } from 'react';
import type { IntroSuggestionView } from '../../../shared/ipc/channels/network.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { useShowAll } from '../../ui/ShowAll.tsx';
import { AnnouncementComposer } from './AnnouncementComposer.tsx';
import { IntroCard } from './IntroCard.tsx';
import { NetworkSettingsForm } from './NetworkSettingsForm.tsx';
import './network.css';
import { useFocusStaysInList } from '../../ui/useFocusStaysInList.ts';

/** Suggestions shown before "Show all": fifty cards pushed announcements seven thousand pixels down. */
const FIRST_INTROS = 5;

/** Network: suggested introductions, announcements to a segment, and how you are networking now. */
export function NetworkScreen() {
  const introsFocus = useFocusStaysInList();
  const request = useRequest();
  const [intros, setIntros] = useState<IntroSuggestionView[] | null>(null);
  const load = useCallback(
    () =>
      void request(() => rapport().network.introSuggestions({}), { action: 'find suggested introductions' }).then(
        (r) => r.ok && setIntros(r.value),
      ),
    [request],
  );
  useEffect(load, [load]);
  const firstIntros = useShowAll(intros ?? [], FIRST_INTROS);

  return (
    <section aria-labelledby="screen-title" className="screen network">
      <div className="screen-top">
        <div>
          <ScreenHeading>Network</ScreenHeading>
          <p className="lead">
            Introduce people who can help each other, and tell people your news without a bulk send.
          </p>
        </div>
      </div>
      <div className="network-columns">
        <div className="stack">
          <section aria-labelledby="intros-title" className="stack">
            <h2 id="intros-title" className="section-title">
              Suggested introductions {intros ? <span className="count">{intros.length}</span> : null}
            </h2>
            {intros === null ? <p className="muted">Loading…</p> : null}
            {intros?.length === 0 ? (
              <p className="empty">
                No matches yet. Fill in “Looking for” and “Can help with” on people’s pages, and Rapport suggests who
                could help whom.
              </p>
            ) : null}
            {intros?.length ? (
              // A logged introduction leaves the list: focus goes to the same button of the next one.
              <ul className="intro-list" {...introsFocus}>
                {firstIntros.shown.map((intro) => (
                  <IntroCard key={`${intro.seeker.id}-${intro.helper.id}`} intro={intro} onChanged={load} />
                ))}
              </ul>
            ) : null}
            {firstIntros.toggle}
          </section>
          <section aria-labelledby="announce-title" className="card stack">
            <h2 id="announce-title">Announce your news</h2>
            <AnnouncementComposer />
          </section>
        </div>
        <section aria-labelledby="mode-title" className="card stack network-mode">
          <h2 id="mode-title">How you’re networking</h2>
          <NetworkSettingsForm />
        </section>
      </div>
    </section>
  );
}

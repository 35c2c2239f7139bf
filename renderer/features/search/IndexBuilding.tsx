import { useState } from 'react';
import type { SearchIndexState } from '../../../shared/domain/views.ts';
import { rapport } from '../../api/rapport.ts';
import { useLive } from '../../api/useLive.ts';
import { LiveError } from '../../ui/LiveError.tsx';
import { formatCount } from '../../ui/counted.ts';

/**
 * While the search index is built from scratch (a new or restored database, an update that changed
 * what it holds), searches wait for it: this says so, and how far it has read. The sentence is in
 * a live region that is always there (one added already filled may go unsaid), and its end is
 * said too; the bar carries the count, so a screen reader is not read every number.
 */
export function IndexBuilding() {
  const index = useLive<SearchIndexState>((onResult) => rapport().search.watchIndex({}, onResult), []);
  const building = index.status === 'ready' && index.data.building;
  const [sawBuild, setSawBuild] = useState(false);
  // Adjusted during render, as React advises for state that follows a prop or a push.
  if (building && !sawBuild) setSawBuild(true);
  const said = building
    ? 'Preparing search: results show once it has read everything.'
    : sawBuild
      ? 'Search is ready.'
      : '';
  return (
    <>
      {index.status === 'error' ? <LiveError state={index} what="how far search has been prepared" /> : null}
      <div className={building ? 'palette-building' : undefined}>
        <p role="status" className={building ? undefined : 'visually-hidden'}>
          {said}
        </p>
        {building ? (
          <>
            <label htmlFor="search-index-progress" className="muted small">
              {formatCount(index.data.done)} of {formatCount(index.data.total)} people, details and interactions read
            </label>
            <progress id="search-index-progress" value={index.data.done} max={Math.max(index.data.total, 1)} />
          </>
        ) : null}
      </div>
    </>
  );
}

import type { SearchIndexState } from '../../../shared/domain/views.ts';
import { rapport } from '../../api/rapport.ts';
import { useLive } from '../../api/useLive.ts';
import { LiveError } from '../../ui/LiveError.tsx';

/**
 * While the search index is built from scratch (an update that changed what it holds, a restore,
 * a large import), searches wait for it: this says so, and how far it has read. The sentence is
 * said once; the bar carries the count, so a screen reader is not read every number.
 */
export function IndexBuilding() {
  const index = useLive<SearchIndexState>((onResult) => rapport().search.watchIndex({}, onResult), []);
  if (index.status === 'error') return <LiveError state={index} what="whether search is ready" />;
  if (index.status !== 'ready' || !index.data.building) return null;
  const { done, total } = index.data;
  return (
    <div className="palette-building">
      <p role="status">Preparing search: results show once it has read everything.</p>
      <label htmlFor="search-index-progress" className="muted small">
        {done.toLocaleString()} of {total.toLocaleString()} people, details and interactions read
      </label>
      <progress id="search-index-progress" value={done} max={Math.max(total, 1)} />
    </div>
  );
}

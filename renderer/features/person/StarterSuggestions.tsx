import { useId, useState } from 'react';
import { CHANNEL_OPTIONS } from '../../../shared/content/library.ts';
import type { Channel } from '../../../shared/content/schema.ts';
import type { InteractionType } from '../../../shared/domain/interaction.ts';
import type { SubscriptionOutput } from '../../../shared/ipc/contract.ts';
import { rapport } from '../../api/rapport.ts';
import { useLive } from '../../api/useLive.ts';
import { LiveError } from '../../ui/LiveError.tsx';
import { useQuickLog } from '../log/QuickLog.tsx';
import '../practice/practice.css';
import { useCopy } from '../starters/useCopy.ts';

type Suggestions = SubscriptionOutput<'starters.watchSuggestions'>;

/** How a starter sent this way is logged; in person, or any way, the log form's own default. */
const LOGGED_AS: Partial<Record<Channel, InteractionType>> = {
  email: 'email',
  message: 'message',
  linkedin: 'message',
  social: 'social',
  phone: 'call',
};

/**
 * "Things you could say" on a person's page: a few personalised starters drawn from their open
 * details, the time since you last spoke and the channel. Copy puts one on the clipboard; Use
 * opens the log form with it as the notes. Suggestions are computed in main, where details live,
 * and never use a sensitive detail.
 */
export function StarterSuggestions({ contactId, name }: { contactId: string; name: string }) {
  const id = useId();
  const [channel, setChannel] = useState<Channel>('any');
  const live = useLive<Suggestions>(
    (onResult) => rapport().starters.watchSuggestions({ contactId, channel, limit: 4 }, onResult),
    [contactId, channel],
  );
  const { openLog } = useQuickLog();
  const { copy, status } = useCopy();

  return (
    <section className="starter-suggestions card" aria-labelledby={`${id}-title`}>
      <div className="suggestions-top">
        <h2 id={`${id}-title`}>Things you could say</h2>
        <label className="inline-select">
          <span>How</span>
          <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
            {CHANNEL_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {live.status === 'loading' ? <p role="status">Finding something to say…</p> : null}
      <LiveError state={live} what="suggestions" />
      {live.status === 'ready' && live.data.length === 0 ? (
        <p className="empty">
          Nothing fits this yet. Remember something about {name} and a suggestion will mention it.
        </p>
      ) : null}
      {live.status === 'ready' && live.data.length > 0 ? (
        <ul className="suggestion-list" aria-label={`Starters for ${name}`}>
          {live.data.map((s, index) => (
            <li key={s.starterId}>
              <p id={`${id}-s${index}`} className="suggestion-text">
                {s.text}
              </p>
              <div className="actions">
                <button type="button" aria-describedby={`${id}-s${index}`} onClick={() => void copy(s.text)}>
                  Copy
                </button>
                <button
                  type="button"
                  aria-describedby={`${id}-s${index}`}
                  onClick={() => {
                    const type = LOGGED_AS[s.channel === 'any' ? channel : s.channel];
                    openLog([contactId], { notes: s.text, ...(type ? { type } : {}) });
                  }}
                >
                  Use
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="muted small" role="status" aria-live="polite">
        {status}
      </p>
      <p>
        <a href="#/starters">Browse all starters</a>
      </p>
    </section>
  );
}

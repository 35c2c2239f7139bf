import { useEffect, useState } from 'react';
import type { CaptureMatch } from '../../../shared/ipc/channels/events.ts';
import type { RapportError } from '../../../shared/ipc/result.ts';
import { rapport } from '../../api/rapport.ts';
import type { CaptureValues } from './capture-draft.ts';

/** How long typing must pause before asking who this may be. */
const PAUSE_MS = 300;

const REASON_WORDS = { email: 'same email', phone: 'same phone', name: 'same name' } as const;

type Asked = Pick<CaptureValues, 'name' | 'followUp' | 'email' | 'phone' | 'url'>;
const askCore = ({ name, followUp, email, phone, url }: Asked) =>
  rapport().events.captureMatches({ name: name.trim() || '?', followUp, email, phone, url });
// A lone first letter or two matches nobody worth offering.
const worthAsking = ({ name, email, phone }: Asked) => name.trim().length >= 3 || !!email.trim() || !!phone.trim();

/** Who the person may already be, asked at once (a Save before typing paused); none when the check fails. */
export async function matchesNow(values: Asked): Promise<CaptureMatch[]> {
  if (!worthAsking(values)) return [];
  const result = await askCore(values);
  return result.ok ? result.value : [];
}

/**
 * Who the person being captured may already be, asked once typing pauses: met again at an event,
 * someone you know is logged on their own record instead of added twice.
 */
export function useKnownMatches(values: CaptureValues): {
  matches: CaptureMatch[];
  error: RapportError | undefined;
} {
  // Kept with the query they answer: a late answer to an earlier person never shows for the next.
  const [state, setState] = useState<{ query: string; matches: CaptureMatch[]; error?: RapportError }>({
    query: '',
    matches: [],
  });
  const { name, followUp, email, phone, url } = values;
  const query = JSON.stringify([name.trim(), followUp, email, phone, url]);
  const ask = worthAsking(values);
  useEffect(() => {
    if (!ask) return;
    let current = true;
    const timer = setTimeout(() => {
      void askCore({ name, followUp, email, phone, url }).then((result) => {
        if (!current) return;
        setState(result.ok ? { query, matches: result.value } : { query, matches: [], error: result.error });
      });
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [ask, query, name, followUp, email, phone, url]);
  return ask && state.query === query
    ? { matches: state.matches, error: state.error }
    : { matches: [], error: undefined };
}

const described = (m: CaptureMatch) => (m.organisation ? `${m.displayName}, ${m.organisation}` : m.displayName);

/** The offer ("Already in Rapport?") or, once one is chosen, who the capture will be saved to. */
export function KnownPerson({
  matches,
  error,
  known,
  asked,
  onChoose,
}: {
  matches: readonly CaptureMatch[];
  error: RapportError | undefined;
  known: CaptureMatch | undefined;
  /** Save was pressed with these offered and none chosen: the next Save adds someone new. */
  asked: boolean;
  onChoose: (match: CaptureMatch | undefined) => void;
}) {
  if (known) {
    return (
      <div className="capture-known" role="status">
        <p>
          Saving to <strong>{described(known)}</strong>, whom you already know: this meeting goes on their timeline.
        </p>
        <button type="button" className="ghost small" onClick={() => onChoose(undefined)}>
          Add as someone new instead
        </button>
      </div>
    );
  }
  if (error) {
    return (
      <p className="muted small" role="status">
        Couldn&rsquo;t check for people you already know: {error.message}
      </p>
    );
  }
  if (!matches.length) return null;
  return (
    <div className="capture-known" role="group" aria-labelledby="capture-known-title">
      <p id="capture-known-title">Already in Rapport?</p>
      {asked ? (
        <p className="small" role="status">
          Choose who it is, or press Save person again to add someone new.
        </p>
      ) : null}
      <ul>
        {matches.map((m) => (
          <li key={m.id}>
            <button type="button" className="small" onClick={() => onChoose(m)}>
              It&rsquo;s {described(m)}
            </button>{' '}
            <span className="muted small">({m.reasons.map((r) => REASON_WORDS[r]).join(', ')})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

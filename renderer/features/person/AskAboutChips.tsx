import { Check, EyeOff, Lock } from 'lucide-react';
import type { Detail } from '../../../shared/domain/detail.ts';
import { hitMark } from '../../navigation/reveal.ts';
import { useToday } from '../../api/AppInfoProvider.tsx';
import { formatDateShort } from '../../ui/dates.ts';
import { useFocusStaysInList } from '../../ui/useFocusStaysInList.ts';

/** What the privacy of a detail means, as the log dialog's Privacy choices say it. */
const SENSITIVITY_WORDS = {
  private: 'Private: never in notifications',
  sensitive: 'Sensitive: shown only in this window',
} as const;

/**
 * "Ask about" reminders for a conversation; one click marks a detail as asked about. The chip then
 * goes: focus moves to the next chip's button, or to the screen's heading after the last.
 */
export function AskAboutChips({
  details,
  onResolve,
  level = 3,
}: {
  details: readonly Detail[];
  onResolve: (detail: Detail) => void | Promise<void>;
  /** Its heading's level: 2 on the person page, right under the name; 3 inside a dialog. */
  level?: 2 | 3;
}) {
  const focusStays = useFocusStaysInList();
  const today = useToday();
  if (!details.length) return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="ask-about" aria-label="Ask about">
      <Heading>Ask about</Heading>
      <ul className="chips" {...focusStays}>
        {details.map((d) => (
          <li
            key={d.id}
            className={`chip chip-${d.sensitivity}`}
            tabIndex={-1}
            data-hit={hitMark({ kind: 'detail', id: d.id })}
          >
            {d.sensitivity === 'normal' ? null : (
              // The border's colour says it too; the icon and its tooltip say what it means.
              <span className="chip-mark" title={SENSITIVITY_WORDS[d.sensitivity]}>
                {d.sensitivity === 'private' ? <Lock size={12} aria-hidden /> : <EyeOff size={12} aria-hidden />}
              </span>
            )}
            <span>{d.text}</span>
            {d.followUpOn ? (
              // The follow-up day the user set when logging it: shown, so it can be checked.
              <span className="chip-when">
                <span className="visually-hidden">, </span>follow up {formatDateShort(d.followUpOn, today)}
              </span>
            ) : null}
            {d.sensitivity !== 'normal' ? <span className="visually-hidden"> ({d.sensitivity})</span> : null}
            <button
              type="button"
              aria-label={`Mark “${d.text}” as asked about`}
              title="Asked about: mark as done"
              onClick={() => void onResolve(d)}
            >
              <Check size={12} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

import * as Popover from '@radix-ui/react-popover';
import { Check } from 'lucide-react';
import { useState } from 'react';
import { INTERACTION_LABELS, type InteractionType } from '../../../shared/domain/interaction.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { INTERACTION_NOUNS } from '../log/words.ts';
import { usePopupLayer } from '../../ui/PopupLayer.tsx';

/** The ways people usually get back in touch, in the order offered. */
const CHANNELS: InteractionType[] = ['message', 'email', 'call', 'video-call', 'coffee', 'social', 'other'];
const LAST_CHANNEL_KEY = 'rapport.lastDoneChannel';

function lastChannel(): InteractionType {
  const saved = localStorage.getItem(LAST_CHANNEL_KEY) as InteractionType | null;
  return saved && CHANNELS.includes(saved) ? saved : 'message';
}

/**
 * "Done: I got in touch": one quick question (how?), starting on the channel used last time, then
 * an interaction is logged today with Undo. Enter accepts the suggestion.
 */
export function DoneButton({ personId, name, compact }: { personId: string; name: string; compact?: boolean }) {
  const [open, setOpen] = useState(false);
  const layer = usePopupLayer();
  const request = useRequest();
  const suggested = lastChannel();

  function done(type: InteractionType) {
    setOpen(false);
    localStorage.setItem(LAST_CHANNEL_KEY, type);
    void request(() => rapport().reminders.done({ personId, type }), {
      action: `log that you got in touch with ${name}`,
      success: ({ interactionId, changes }) => ({
        title: `Logged ${INTERACTION_NOUNS[type]} with ${name}`,
        // The snooze or skip it ended, and today's nudge it answered, come back too.
        undo: { run: () => rapport().reminders.undoDone({ interactionId, changes }) },
      }),
    });
  }

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <button
          type="button"
          className={compact ? 'primary small' : 'primary'}
          aria-label={`Done: I got in touch with ${name}`}
        >
          <Check size={14} aria-hidden /> Done
        </button>
      </Popover.Trigger>
      <Popover.Portal container={layer}>
        <Popover.Content
          className="popover"
          sideOffset={6}
          align="end"
          aria-label={`How did you get in touch with ${name}?`}
        >
          <p className="popover-title" id={`done-${personId}`}>
            How did you get in touch?
          </p>
          <div className="channel-list" role="group" aria-labelledby={`done-${personId}`}>
            {[suggested, ...CHANNELS.filter((c) => c !== suggested)].map((type) => (
              <button
                key={type}
                type="button"
                className={type === suggested ? 'primary small' : 'small'}
                onClick={() => done(type)}
              >
                {INTERACTION_LABELS[type]}
              </button>
            ))}
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

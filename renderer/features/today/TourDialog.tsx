import { Calendar, MessagesSquare, Sprout } from 'lucide-react';
import { useState } from 'react';
import { navigate } from '../../navigation/useScreen.ts';
import { Dialog } from '../../ui/Dialog.tsx';

const STEPS = [
  {
    icon: Calendar,
    title: 'Today',
    screen: 'today',
    text: 'Give each person a rhythm (every three weeks, every two months…). Today lists who is overdue, who is due and who comes up this week. Press Done when you have been in touch, or Later to snooze.',
  },
  {
    icon: Sprout,
    title: 'Practice',
    screen: 'practice',
    text: 'If networking makes you nervous, build a ladder of small steps, from “could do that today” to “a big deal”. Note how anxious you feel before and after each one and watch it fall.',
  },
  {
    icon: MessagesSquare,
    title: 'Starters',
    screen: 'starters',
    text: 'Words to open a conversation, follow up or get back in touch. On a person’s page they are filled in with what you remember about them.',
  },
] as const;

/** The one-minute tour: three screens in three short steps. */
export function TourDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [step, setStep] = useState(0);
  const current = STEPS[step]!;
  const close = () => {
    setStep(0);
    onClose();
  };
  return (
    <Dialog open={open} title={`Tour: ${current.title} (${step + 1} of ${STEPS.length})`} onClose={close}>
      <div className="tour-step">
        <current.icon size={32} aria-hidden className="tour-icon" />
        <p>{current.text}</p>
      </div>
      <div className="dialog-footer">
        {step > 0 ? (
          <button type="button" onClick={() => setStep(step - 1)}>
            Back
          </button>
        ) : null}
        <button
          type="button"
          onClick={() => {
            close();
            navigate(current.screen);
          }}
        >
          Open {current.title}
        </button>
        {step < STEPS.length - 1 ? (
          <button type="button" className="primary" data-autofocus onClick={() => setStep(step + 1)}>
            Next
          </button>
        ) : (
          <button type="button" className="primary" data-autofocus onClick={close}>
            Finish
          </button>
        )}
      </div>
    </Dialog>
  );
}

import { FileUp, PlayCircle, UserPlus } from 'lucide-react';

export type WelcomeStep = 'import' | 'add' | 'tour';

/**
 * First run (nobody here yet): import, add someone, or take the one-minute tour. The dialogs
 * live in the Today screen, so they stay open when the first people arrive and this card goes.
 */
export function Welcome({ onOpen }: { onOpen: (step: WelcomeStep) => void }) {
  const setOpen = onOpen;
  return (
    <section className="card welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Welcome to Rapport</h2>
      <p className="lead">
        Rapport remembers the people you meet and tells you when it is time to get back in touch. Everything stays on
        this computer. Start with the people you already know.
      </p>
      <div className="welcome-actions">
        <button type="button" className="welcome-action" onClick={() => setOpen('import')}>
          <FileUp size={20} aria-hidden />
          <span>
            <strong>Import contacts</strong>
            <span className="muted">vCard, LinkedIn or Google CSV</span>
          </span>
        </button>
        <button type="button" className="welcome-action" onClick={() => setOpen('add')}>
          <UserPlus size={20} aria-hidden />
          <span>
            <strong>Add a person</strong>
            <span className="muted">Someone you spoke to this week</span>
          </span>
        </button>
        <button type="button" className="welcome-action" onClick={() => setOpen('tour')}>
          <PlayCircle size={20} aria-hidden />
          <span>
            <strong>Take the one-minute tour</strong>
            <span className="muted">Today, Practice and Starters</span>
          </span>
        </button>
      </div>
    </section>
  );
}

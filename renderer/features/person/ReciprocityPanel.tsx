import type { PersonView } from '../../../shared/domain/views.ts';

/** What went each way over the last 12 months, and a gentle nudge after asks without gives. */
export function ReciprocityPanel({ reciprocity }: { reciprocity: PersonView['reciprocity'] }) {
  const { gave, asked, mutual, nudge, suggestions } = reciprocity;
  return (
    <section className="card reciprocity" aria-label="Give and take">
      <h2>Give and take, last 12 months</h2>
      <p>
        You gave {gave}, asked for {asked}
        {mutual ? `, and had ${mutual} two-way exchange${mutual === 1 ? '' : 's'}` : ''}.
      </p>
      {nudge ? (
        <div className="nudge-text" role="note">
          <p>Your last two exchanges were asks. Next time, lead with something for them:</p>
          <ul>
            {suggestions.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

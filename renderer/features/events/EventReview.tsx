import type { EventView } from '../../../shared/ipc/channels/events.ts';

/** How it went: who you met against your goal, follow-ups done, and the practice step's SUDS. */
export function EventReview({ view }: { view: EventView }) {
  const { review, event, prep } = view;
  const session = prep.practice?.chosen ? prep.practice.session : undefined;
  return (
    <section className="card stack" aria-labelledby="review-title">
      <h2 id="review-title" className="section-title">
        Review
      </h2>
      <p>{review.summary}</p>
      <dl className="facts">
        <dt>Your goal</dt>
        <dd>{event.goal}</dd>
        <dt>People met</dt>
        <dd>{review.met}</dd>
        <dt>Follow-ups done</dt>
        <dd>
          {review.followedUp} of {review.met}
        </dd>
        <dt>Practice</dt>
        <dd>
          {session?.status === 'done'
            ? `Practised: anxiety ${session.sudsBefore} before, ${session.sudsPeak ?? '–'} at the peak, ${session.sudsEnd ?? '–'} at the end (out of 10).`
            : session
              ? `Planned (anxiety ${session.sudsBefore}/10 before). Finish it on Practice afterwards.`
              : prep.practice?.chosen
                ? 'Not practised yet.'
                : 'No practice chosen for this event.'}
        </dd>
      </dl>
    </section>
  );
}

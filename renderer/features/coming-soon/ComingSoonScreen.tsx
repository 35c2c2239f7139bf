import { ScreenHeading } from '../../ui/ScreenHeading.tsx';

/** Said plainly: the screen exists in the navigation, its feature does not yet. No sample data. */
export function ComingSoonScreen({ title, purpose }: { title: string; purpose: string }) {
  return (
    <section aria-labelledby="screen-title">
      <ScreenHeading>{title}</ScreenHeading>
      <p className="lead">{purpose}</p>
      <p className="notice">This part of Rapport is not built yet. It is coming in a later version.</p>
    </section>
  );
}

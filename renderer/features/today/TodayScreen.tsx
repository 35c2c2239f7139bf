import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { DueLanes } from './DueLanes.tsx';

export function TodayScreen() {
  return (
    <section aria-labelledby="screen-title">
      <ScreenHeading>Today</ScreenHeading>
      <p className="lead">Give each person a rhythm (on their page, under Edit) and Rapport tells you when it is time to get in touch.</p>
      <DueLanes />
    </section>
  );
}

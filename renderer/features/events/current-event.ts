import type { EventListItem } from '../../../shared/ipc/channels/events.ts';

const DAY_MS = 86_400_000;

/**
 * The event the quick-capture shortcut opens for: the one whose page is open; else one running
 * today (the earliest to start); else one that ended yesterday or starts tomorrow.
 */
export function currentEvent(
  events: readonly EventListItem[],
  today: string,
  route: { screen: string; param?: string } = { screen: 'today' },
): EventListItem | undefined {
  const onPage = route.screen === 'events' && route.param ? events.find((e) => e.id === route.param) : undefined;
  if (onPage) return onPage;
  const running = events.filter((e) => e.startsOn <= today && e.lastDay >= today);
  if (running.length) return [...running].sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
  const near = (iso: string) => Math.abs(Date.parse(iso) - Date.parse(today)) <= DAY_MS;
  return events.find((e) => near(e.lastDay) || near(e.startsOn));
}

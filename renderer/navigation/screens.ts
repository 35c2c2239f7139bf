import {
  Calendar,
  CalendarDays,
  History,
  MessagesSquare,
  Network,
  Settings,
  Sprout,
  Users,
  type LucideIcon,
} from 'lucide-react';
import type { Screen } from '../../shared/ipc/contract.ts';

export interface ScreenInfo {
  id: Screen;
  label: string;
  /** Digit for the Ctrl/Cmd+digit shortcut: the screen's place in the sidebar, top to bottom. */
  key: string;
  icon: LucideIcon;
}

export const SCREENS: readonly ScreenInfo[] = [
  { id: 'today', label: 'Today', key: '1', icon: Calendar },
  { id: 'timeline', label: 'Timeline', key: '2', icon: History },
  { id: 'people', label: 'People', key: '3', icon: Users },
  { id: 'events', label: 'Events', key: '4', icon: CalendarDays },
  { id: 'practice', label: 'Practice', key: '5', icon: Sprout },
  { id: 'starters', label: 'Starters', key: '6', icon: MessagesSquare },
  { id: 'network', label: 'Network', key: '7', icon: Network },
  { id: 'settings', label: 'Settings', key: '8', icon: Settings },
];

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
  /** Digit for the Ctrl/Cmd+digit shortcut. */
  key: string;
  icon: LucideIcon;
}

export const SCREENS: readonly ScreenInfo[] = [
  { id: 'today', label: 'Today', key: '1', icon: Calendar },
  { id: 'timeline', label: 'Timeline', key: '2', icon: History },
  { id: 'people', label: 'People', key: '3', icon: Users },
  // Key 7, so the other screens keep the shortcuts people learned.
  { id: 'events', label: 'Events', key: '7', icon: CalendarDays },
  { id: 'practice', label: 'Practice', key: '4', icon: Sprout },
  { id: 'starters', label: 'Starters', key: '5', icon: MessagesSquare },
  // Added after Settings had 6 and Events 7; the digits stay what people learned.
  { id: 'network', label: 'Network', key: '8', icon: Network },
  { id: 'settings', label: 'Settings', key: '6', icon: Settings },
];

import type { Screen } from '../../shared/ipc/contract.ts';

export interface ScreenInfo {
  id: Screen;
  label: string;
  /** Digit for the Ctrl/Cmd+digit shortcut. */
  key: string;
}

export const SCREENS: readonly ScreenInfo[] = [
  { id: 'today', label: 'Today', key: '1' },
  { id: 'timeline', label: 'Timeline', key: '2' },
  { id: 'people', label: 'People', key: '3' },
  { id: 'practice', label: 'Practice', key: '4' },
  { id: 'starters', label: 'Starters', key: '5' },
  { id: 'settings', label: 'Settings', key: '6' },
];

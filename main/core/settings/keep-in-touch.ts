import { DEFAULT_KEEP_IN_TOUCH, KeepInTouchSettings } from '../../../shared/domain/settings.ts';
import { settingsKey } from './settings-store.ts';

/** The rhythm of each tier; people without their own rhythm follow their tier's. */
export const KEEP_IN_TOUCH = settingsKey({
  id: 'keep-in-touch',
  label: 'your keep-in-touch rhythms',
  schema: KeepInTouchSettings,
  fallback: DEFAULT_KEEP_IN_TOUCH,
  scope: 'synced',
});

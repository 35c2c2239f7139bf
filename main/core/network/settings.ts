import { DEFAULT_NETWORK_SETTINGS, NetworkSettings } from '../../../shared/domain/network/settings.ts';
import { settingsKey } from '../settings/settings-store.ts';

/** Weekly no-ask target and job-hunt mode; the same on every device. */
export const NETWORK_SETTINGS = settingsKey({
  id: 'network',
  label: 'your networking goals',
  schema: NetworkSettings,
  fallback: DEFAULT_NETWORK_SETTINGS,
  scope: 'synced',
});

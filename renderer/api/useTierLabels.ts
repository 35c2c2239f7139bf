import { useMemo } from 'react';
import { TIER_NAMES, tierLabels } from '../../shared/domain/cadence.ts';
import type { Tier } from '../../shared/domain/contact.ts';
import type { KeepInTouchSettings } from '../../shared/domain/settings.ts';
import { rapport } from './rapport.ts';
import { useLive, type LiveState } from './useLive.ts';

export interface TierLabels {
  /** "Close (every 2 weeks)", from the rhythms as set now; the names alone until they are read. */
  labels: Record<Tier, string>;
  /** The live rhythms, for saying where the labels are shown when they could not be read. */
  state: LiveState<KeepInTouchSettings>;
}

/**
 * The rhythm pickers' labels, following the rhythms set in Settings (or on another device) while
 * the picker is open. Until the rhythms are read, or if they cannot be, each tier shows its name
 * alone: a default interval there would be wrong for anyone who changed it.
 */
export function useTierLabels(): TierLabels {
  const state = useLive<KeepInTouchSettings>((onResult) => rapport().settings.watchKeepInTouch({}, onResult), []);
  const tiers = state.status === 'ready' ? state.data.tiers : null;
  const labels = useMemo(() => (tiers ? tierLabels(tiers) : TIER_NAMES), [tiers]);
  return { labels, state };
}

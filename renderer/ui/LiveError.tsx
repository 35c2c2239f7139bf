import type { LiveState } from '../api/useLive.ts';

/**
 * A live query that failed, said where its content would be. Live queries retry by themselves
 * (main pushes again on the next change; the bridge re-subscribes after a reconnect), so there
 * is nothing to press: the message names what is missing and why.
 */
export function LiveError({ state, what }: { state: LiveState<unknown>; what: string }) {
  if (state.status !== 'error') return null;
  return (
    <p className="inline-alert" role="alert">
      Could not load {what}: {state.error.message}
    </p>
  );
}

import type { GlobalShortcut } from 'electron';

/** Quick capture from anywhere on the desktop: the same keys as the in-app shortcut (Ctrl/Cmd+Shift+M). */
export const CAPTURE_ACCELERATOR = 'CommandOrControl+Shift+M';

/**
 * Registers the system-wide quick-capture shortcut. Another app may already hold the keys; then
 * the in-app shortcut and the event page's button still work, and the log says why. Returns the
 * function that gives the keys back (at quit).
 */
export function registerCaptureShortcut(
  shortcuts: Pick<GlobalShortcut, 'register' | 'unregister'>,
  onPress: () => void,
): () => void {
  const registered = shortcuts.register(CAPTURE_ACCELERATOR, onPress);
  if (!registered) {
    console.warn(`[rapport] ${CAPTURE_ACCELERATOR} is taken by another app; quick capture works inside the window.`);
    return () => {};
  }
  return () => shortcuts.unregister(CAPTURE_ACCELERATOR);
}

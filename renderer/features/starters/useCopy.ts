import { useCallback, useEffect, useState } from 'react';

/**
 * Copies text to the clipboard and reports the outcome in words for a live region.
 * The message clears after a few seconds so the next copy is announced again.
 */
export function useCopy(): { copy: (text: string, label?: string) => Promise<void>; status: string } {
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), 4000);
    return () => clearTimeout(timer);
  }, [status]);
  const copy = useCallback(async (text: string, label = 'Copied to the clipboard.') => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(label);
    } catch {
      // Permissions can be refused; say so plainly rather than failing silently.
      setStatus('Could not copy. Select the text and copy it yourself.');
    }
  }, []);
  return { copy, status };
}

import { useMemo } from 'react';
import type { RapportError, Result } from '../../shared/ipc/result.ts';
import { useToast, type ToastSpec } from '../ui/Toast.tsx';

export interface RequestOptions<T> {
  /** What the user asked for, as the end of "Could not …": "log the interaction". */
  action: string;
  /**
   * Show the failure next to where it happened (a form's fields) instead of in a toast. When
   * this is absent the failure always becomes an error toast with the message and Retry.
   */
  onError?: (error: RapportError) => void;
  /** What to say when it worked, with Undo where it can be undone; nothing for silent reads. */
  success?: (value: T) => ToastSpec | undefined;
}

export type Request = <T>(call: () => Promise<Result<T>>, options: RequestOptions<T>) => Promise<Result<T>>;

/**
 * The one way screens call main. A failure is never dropped: it goes to `onError` (shown next
 * to the control) or becomes an error toast naming what failed, with the message and Retry.
 * Success says what happened when `success` returns a toast. The Result is returned so the
 * caller can go on (close a dialog, clear a form).
 */
export function useRequest(): Request {
  const toast = useToast();
  return useMemo(() => {
    const request: Request = async (call, options) => {
      const result = await call();
      if (!result.ok) {
        if (options.onError) options.onError(result.error);
        else
          toast({
            kind: 'error',
            title: `Could not ${options.action}`,
            description: result.error.message,
            retry: () => void request(call, options),
          });
        return result;
      }
      const feedback = options.success?.(result.value);
      if (feedback) toast(feedback);
      return result;
    };
    return request;
  }, [toast]);
}
